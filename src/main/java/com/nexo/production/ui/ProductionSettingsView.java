package com.nexo.production.ui;

import com.nexo.base.ui.Format;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.work.WorkCentre;
import com.nexo.production.work.WorkService;
import com.nexo.production.work.Worker;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The production settings ({@code production/settings}): the work centres with their hourly rates,
 * and the workers (employees and professionals) with theirs; each is added or changed in a dialog.
 * The tables are small (a workshop's centres and people), so each is read whole.
 */
@Route(ProductionSettingsView.ROUTE)
@RolesAllowed(ProductionPermissions.SETTINGS)
@Menu(title = "menu.production-settings", order = 50.9, icon = "vaadin:cog-o")
public class ProductionSettingsView extends Main implements HasDynamicTitle {

    static final String ROUTE = "production/settings";

    private final transient WorkService work;

    final Grid<WorkCentre> centres = new Grid<>();
    final Grid<Worker> workers = new Grid<>();
    final Button newCentre = new Button();
    final Button newWorker = new Button();
    WorkCentreDialog centreDialog;
    WorkerDialog workerDialog;

    ProductionSettingsView(WorkService work) {
        this.work = work;
        addClassNames("settings-view", "production-settings");
        getStyle()
                .set("padding", "var(--lumo-space-m)")
                .set("box-sizing", "border-box")
                .set("max-width", "100%");
        H2 title = new H2(getTranslation("production.settings.title"));
        Paragraph intro = new Paragraph(getTranslation("production.settings.intro"));
        intro.addClassName("form-note");

        newCentre.setText(getTranslation("production.settings.centre.new"));
        newCentre.setIcon(VaadinIcon.PLUS.create());
        newCentre.setId("settings-new-centre");
        newCentre.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newCentre.addClickListener(click -> editCentre(null));
        centres.setId("settings-centres");
        centres.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        centres.setAllRowsVisible(true);
        centres.addColumn(WorkCentre::code)
                .setHeader(getTranslation("production.settings.centre.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        centres.addColumn(WorkCentre::name).setHeader(getTranslation("production.settings.centre.name"));
        centres.addColumn(centre -> Format.money(centre.hourlyRate(), "EUR"))
                .setHeader(getTranslation("production.settings.rate"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        centres.addColumn(centre -> yesNo(centre.active()))
                .setHeader(getTranslation("production.settings.active"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        centres.setEmptyStateText(getTranslation("production.settings.centre.empty"));
        centres.addItemClickListener(click -> editCentre(click.getItem()));

        newWorker.setText(getTranslation("production.settings.worker.new"));
        newWorker.setIcon(VaadinIcon.PLUS.create());
        newWorker.setId("settings-new-worker");
        newWorker.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newWorker.addClickListener(click -> editWorker(null));
        workers.setId("settings-workers");
        workers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        workers.setAllRowsVisible(true);
        workers.addColumn(Worker::name).setHeader(getTranslation("production.settings.worker.name"));
        workers.addColumn(worker -> ShopFloorTexts.workerKind(this, worker.kind()))
                .setHeader(getTranslation("production.settings.worker.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        workers.addColumn(worker -> Format.money(worker.hourlyRate(), "EUR"))
                .setHeader(getTranslation("production.settings.rate"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        workers.addColumn(worker -> centreNames().getOrDefault(worker.workCentreId(), ""))
                .setHeader(getTranslation("production.settings.worker.centre"));
        workers.addColumn(worker -> yesNo(worker.active()))
                .setHeader(getTranslation("production.settings.active"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        workers.setEmptyStateText(getTranslation("production.settings.worker.empty"));
        workers.addItemClickListener(click -> editWorker(click.getItem()));

        add(
                title,
                intro,
                header(getTranslation("production.settings.centres"), newCentre),
                centres,
                header(getTranslation("production.settings.workers"), newWorker),
                workers);
        refresh();
    }

    private Map<UUID, String> centreNames;

    private Map<UUID, String> centreNames() {
        return centreNames;
    }

    private Div header(String text, Button action) {
        Div header = new Div(new H3(text), action);
        header.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "center")
                .set("justify-content", "space-between")
                .set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-l)");
        return header;
    }

    private String yesNo(boolean value) {
        return value ? getTranslation("production.settings.yes") : getTranslation("production.settings.no");
    }

    void refresh() {
        var allCentres = work.workCentres(true);
        centreNames = allCentres.stream().collect(Collectors.toMap(WorkCentre::id, WorkCentre::label));
        centres.setItems(allCentres);
        workers.setItems(work.workers(true));
    }

    private void editCentre(WorkCentre centre) {
        centreDialog = new WorkCentreDialog(work, centre, this::refresh);
        centreDialog.open();
    }

    private void editWorker(Worker worker) {
        workerDialog = new WorkerDialog(work, worker, this::refresh);
        workerDialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("production.settings.title");
    }
}
