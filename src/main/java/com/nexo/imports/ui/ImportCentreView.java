package com.nexo.imports.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.imports.ImportPermissions;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportSummary;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The import centre: the tenant's imports, newest first, read page by page, each opening its own
 * page; a new import for whoever may run one.
 */
@Route("imports")
@RolesAllowed(ImportPermissions.READ)
@Menu(title = "menu.imports", order = 85, icon = "vaadin:upload")
public class ImportCentreView extends Main implements HasDynamicTitle {

    private final transient ImportCentre centre;
    private final transient List<ImportTarget> targets;
    final Grid<ImportSummary> grid = new Grid<>();
    final Button newImport = new Button();

    public ImportCentreView(ImportCentre centre) {
        this.centre = centre;
        this.targets = centre.targets();
        addClassNames("list-view", "imports-list");

        Paragraph intro = new Paragraph(getTranslation("imports.list.intro"));
        intro.addClassName("settings-intro");
        Div toolbar = new Div(intro);
        toolbar.addClassName("list-toolbar");
        newImport.setText(getTranslation("imports.list.new"));
        newImport.setIcon(VaadinIcon.UPLOAD.create());
        newImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newImport.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(NewImportView.class)));
        newImport.setVisible(CurrentUser.can(ImportPermissions.RUN));
        Div actions = new Div(newImport);
        actions.addClassName("list-actions");
        toolbar.add(actions);

        configureGrid();
        add(new H2(getTranslation("imports.title")), toolbar, grid);
        setSizeFull();
    }

    private void configureGrid() {
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addColumn(row -> Format.dateTime(row.createdAt()))
                .setKey("date")
                .setHeader(getTranslation("imports.list.date"))
                .setWidth("9.5rem")
                .setFlexGrow(0);
        grid.addColumn(GridCells.twoLinesRenderer(
                        ImportSummary::fileName,
                        row -> row.targetChosen() ? ImportLabels.target(this, targets, row.targetId()) : ""))
                .setKey("file")
                .setHeader(getTranslation("imports.list.file"))
                .setWidth("12rem")
                .setFlexGrow(3);
        Grid.Column<ImportSummary> user = grid.addColumn(ImportSummary::userName)
                .setKey("user")
                .setHeader(getTranslation("imports.list.user"))
                .setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(GridCells.badgeRenderer(
                        row -> ImportLabels.state(this, row.state()), row -> ImportLabels.stateTheme(row.state())))
                .setKey("state")
                .setHeader(getTranslation("imports.list.state"))
                .setWidth("8rem")
                .setFlexGrow(0);
        grid.addColumn(row -> ImportLabels.result(this, row))
                .setKey("counts")
                .setHeader(getTranslation("imports.list.counts"))
                .setWidth("14rem")
                .setFlexGrow(2);
        Grid.Column<ImportSummary> duration = grid.addColumn(
                        row -> row.duration().map(ImportLabels::duration).orElse(""))
                .setKey("duration")
                .setHeader(getTranslation("imports.list.duration"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("6rem")
                .setFlexGrow(0);
        // A tablet held upright keeps when, what, how it stands and what it did.
        NarrowScreens.hideColumnsBelow(grid, 1100, List.of(user, duration));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setEmptyStateText(
                CurrentUser.can(ImportPermissions.RUN)
                        ? getTranslation("imports.list.empty")
                        : getTranslation("imports.list.empty-read-only"));
        grid.setItems(query -> centre.history(query.getOffset(), query.getLimit()).stream(), query ->
                (int) Math.min(Integer.MAX_VALUE, centre.historySize()));
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                ImportDetailView.class,
                ImportDetailView.parameters(click.getItem().id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.title");
    }
}
