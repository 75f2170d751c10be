package com.nexo.imports.ui;

import com.nexo.base.Ids;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.imports.ImportPermissions;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportCounts;
import com.nexo.imports.jobs.ImportRequest;
import com.nexo.imports.jobs.ImportState;
import com.nexo.imports.jobs.ImportSummary;
import com.nexo.imports.jobs.RefusedRow;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * One import: what was imported into what, by whom and when; while its job runs, its progress pushed
 * from the job as it goes; the dry run's counts beside the run's; the refused rows with their reasons
 * (and as a CSV file); and what may be done next — resume a failed import, run one checked by a dry
 * run, undo a completed one.
 */
@Route("imports/:importId([0-9a-fA-F-]+)")
@RolesAllowed(ImportPermissions.READ)
public class ImportDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "importId";

    /** A line of the counts table: what, the dry run's number and the run's. */
    record CountLine(String what, String dryRun, String run) {}

    private final transient ImportCentre centre;
    private final transient List<ImportTarget> targets;
    private ImportSummary summary;
    private Registration subscription;
    /** The job's newest report not drawn yet; null while the page is up to date. */
    private final AtomicReference<ImportSummary> unseen = new AtomicReference<>();
    /** The state last shown, to read the refused rows again only when a job has moved on. */
    private ImportState shownState;

    final H2 title = new H2();
    final Span subtitle = new Span();
    final Div badges = new Div();
    final Div data = new Div();
    final Paragraph failure = new Paragraph();
    final Section progressSection;
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Span speed = new Span();
    final Grid<CountLine> counts = new Grid<>();
    final Section refusalsSection;
    final Grid<RefusedRow> refusals = new Grid<>();
    private final Div refusalsDownload = new Div();
    final Button resume = new Button();
    final Button runImport = new Button();
    final Button undo = new Button();

    public ImportDetailView(ImportCentre centre) {
        this.centre = centre;
        this.targets = centre.targets();
        addClassNames("import-page", "import-detail");

        RouterLink back = new RouterLink(getTranslation("imports.back"), ImportCentreView.class);
        back.addClassName("detail-back");
        title.addClassName("detail-title");
        subtitle.addClassName("detail-subtitle");
        badges.addClassName("detail-badges");
        Div heading = new Div(title, subtitle, badges);

        resume.setText(getTranslation("imports.detail.resume"));
        resume.setIcon(VaadinIcon.PLAY.create());
        resume.addClickListener(click -> resume());
        runImport.setText(getTranslation("imports.detail.run"));
        runImport.setIcon(VaadinIcon.UPLOAD.create());
        runImport.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runImport.addClickListener(click -> runChecked());
        undo.setText(getTranslation("imports.detail.undo"));
        undo.setIcon(VaadinIcon.ARROW_BACKWARD.create());
        undo.addThemeVariants(ButtonVariant.LUMO_ERROR);
        undo.addClickListener(click -> openUndo());
        Div actions = new Div(resume, runImport, undo);
        actions.addClassName("detail-actions");
        Div header = new Div(heading, actions);
        header.addClassName("detail-header");

        data.addClassName("detail-data");
        failure.addClassName("form-problem");
        Section summarySection = DetailSections.section(getTranslation("imports.detail.summary"), data, failure);

        progress.addClassName("import-progress");
        progressText.addClassName("import-progress-text");
        speed.addClassName("import-speed");
        Div progressNumbers = new Div(progressText, speed);
        progressNumbers.addClassName("import-progress-numbers");
        progressSection = DetailSections.section(getTranslation("imports.detail.progress"), progress, progressNumbers);

        configureCounts();
        Section countsSection = DetailSections.section(getTranslation("imports.detail.counts"), counts);

        configureRefusals();
        refusalsSection = DetailSections.section(getTranslation("imports.detail.refusals"), refusalsDownload, refusals);

        add(back, header, summarySection, progressSection, countsSection, refusalsSection);
    }

    static RouteParameters parameters(UUID importId) {
        return new RouteParameters(PARAMETER, importId.toString());
    }

    private void configureCounts() {
        counts.addClassName("import-counts");
        counts.addColumn(CountLine::what).setKey("what").setHeader("").setFlexGrow(2);
        counts.addColumn(CountLine::dryRun)
                .setKey("dryRun")
                .setHeader(getTranslation("imports.detail.dry-run"))
                .setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(1);
        counts.addColumn(CountLine::run)
                .setKey("run")
                .setHeader(getTranslation("imports.detail.run-counts"))
                .setTextAlign(ColumnTextAlign.END)
                .setFlexGrow(1);
        counts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        counts.setSelectionMode(Grid.SelectionMode.NONE);
        counts.setAllRowsVisible(true);
    }

    private void configureRefusals() {
        refusals.addClassName("import-refusals");
        refusals.addColumn(row -> Format.integer(row.line()))
                .setKey("line")
                .setHeader(getTranslation("imports.preview.line"))
                .setWidth("5rem")
                .setFlexGrow(0);
        refusals.addColumn(row -> row.column() == null ? "" : row.column())
                .setKey("column")
                .setHeader(getTranslation("imports.detail.column"))
                .setWidth("8rem")
                .setFlexGrow(1);
        refusals.addColumn(row -> ImportLabels.refusal(this, row.refusal()))
                .setKey("reason")
                .setHeader(getTranslation("imports.detail.reason"))
                .setWidth("14rem")
                .setFlexGrow(4);
        refusals.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        refusals.setSelectionMode(Grid.SelectionMode.NONE);
        refusalsDownload.addClassName("import-refusals-download");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean found = event.getRouteParameters()
                .get(PARAMETER)
                .flatMap(Ids::parse)
                .map(this::open)
                .orElse(false);
        if (!found) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Shows the import with this id; false when the user's tenant has none. */
    boolean open(UUID id) {
        Optional<ImportSummary> found = centre.find(id);
        if (found.isEmpty()) {
            return false;
        }
        if (summary == null || !summary.id().equals(id)) {
            showRefusalsOf(id);
        }
        show(found.get());
        return true;
    }

    /**
     * Listens to the job while the page is open. Subscribes first and reads the import again after,
     * so that no change falls between the read of {@link #beforeEnter} and the subscription; a user
     * who left and came back so sees where the job is now.
     *
     * <p>The job reports on its own thread, which carries the job's security context: the page is
     * drawn on another thread instead (where Vaadin finds its user's), so that the user's permissions
     * decide what it shows and reads, and a slow browser never holds up the job. Reports that arrive
     * faster than the page is drawn are folded into the newest.
     */
    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        if (summary == null) {
            return;
        }
        UI ui = attach.getUI();
        UUID id = summary.id();
        subscription = centre.subscribe(id, changed -> {
            if (unseen.getAndSet(changed) == null) {
                Thread.ofVirtual().name("import-page-push").start(() -> deliver(ui));
            }
        });
        centre.find(id).ifPresent(this::show);
    }

    private void deliver(UI ui) {
        try {
            ui.access(() -> {
                ImportSummary latest = unseen.getAndSet(null);
                if (latest != null && summary != null && summary.id().equals(latest.id())) {
                    show(latest);
                }
            });
        } catch (UIDetachedException gone) {
            // The page closed while the job went on: nobody to tell.
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        super.onDetach(detach);
    }

    /** Binds the refused rows and their CSV to one import (once per import shown). */
    private void showRefusalsOf(UUID id) {
        refusals.setItems(query -> centre.refusals(id, query.getOffset(), query.getLimit()).stream());
        Locale locale = getLocale();
        refusalsDownload.removeAll();
        refusalsDownload.add(new DownloadLink(
                getTranslation("imports.detail.refusals-download"),
                getTranslation("imports.detail.refusals-file") + ".csv",
                "text/csv; charset=UTF-8",
                out -> centre.writeRefusals(id, locale, out)));
    }

    void show(ImportSummary shown) {
        ImportState before = shownState;
        this.summary = shown;
        this.shownState = shown.state();
        String target = shown.targetChosen()
                ? ImportLabels.target(this, targets, shown.targetId())
                : getTranslation("imports.detail.no-target");
        title.setText(shown.fileName());
        subtitle.setText(shown.targetChosen() ? getTranslation("imports.detail.into", target) : target);
        badges.removeAll();
        badges.add(ImportLabels.stateBadge(this, shown.state()));

        data.removeAll();
        item(
                getTranslation("imports.detail.file"),
                getTranslation(
                        "imports.detail.file-value", shown.fileName(), ImportLabels.size(this, shown.fileSize())));
        item(getTranslation("imports.detail.target"), target);
        item(getTranslation("imports.detail.user"), shown.userName());
        item(getTranslation("imports.detail.state"), ImportLabels.state(this, shown.state()));
        item(getTranslation("imports.detail.created"), dateTime(shown.createdAt()));
        item(getTranslation("imports.detail.started"), dateTime(shown.startedAt()));
        item(getTranslation("imports.detail.finished"), dateTime(shown.finishedAt()));
        item(
                getTranslation("imports.detail.duration"),
                shown.duration().map(ImportLabels::duration).orElse(""));
        failure.setVisible(shown.failure().isPresent());
        failure.setText(shown.failure().map(key -> getTranslation(key)).orElse(""));

        showProgress(shown);
        counts.setItems(countLines(shown));
        long refused =
                ImportLabels.shownCounts(shown).map(ImportCounts::refused).orElse(0L);
        refusalsSection.setVisible(refused > 0);
        if (before != null && before != shown.state()) {
            refusals.getDataProvider().refreshAll();
        }

        resume.setVisible(shown.state() == ImportState.FAILED && CurrentUser.can(ImportPermissions.RUN));
        runImport.setVisible(shown.state() == ImportState.CHECKED && CurrentUser.can(ImportPermissions.RUN));
        undo.setVisible(shown.state() == ImportState.COMPLETED && CurrentUser.can(ImportPermissions.UNDO));
        if (before != null && before != shown.state()) {
            PageTitles.refresh(this);
        }
    }

    /** The state of the import as the page shows it now. */
    ImportState shownState() {
        return shownState;
    }

    private void showProgress(ImportSummary shown) {
        progressSection.setVisible(shown.running());
        if (!shown.running()) {
            return;
        }
        progress.setIndeterminate(shown.totalRows() == 0 || shown.state() == ImportState.QUEUED);
        if (shown.totalRows() > 0) {
            progress.setValue(Math.min(1.0, (double) shown.rowsDone() / shown.totalRows()));
        }
        String doing = switch (shown.state()) {
            case QUEUED -> getTranslation("imports.progress.queued");
            case CHECKING -> getTranslation("imports.progress.checking");
            case UNDOING -> getTranslation("imports.progress.undoing");
            default -> getTranslation("imports.progress.running");
        };
        progressText.setText(
                shown.totalRows() > 0
                        ? getTranslation(
                                "imports.progress.rows",
                                doing,
                                Format.integer(shown.rowsDone()),
                                Format.integer(shown.totalRows()))
                        : getTranslation("imports.progress.rows-unknown", doing, Format.integer(shown.rowsDone())));
        List<String> pace = new ArrayList<>();
        if (shown.rowsPerSecond() > 0) {
            pace.add(getTranslation("imports.progress.speed", Format.integer(Math.round(shown.rowsPerSecond()))));
        }
        shown.timeLeft()
                .ifPresent(left -> pace.add(getTranslation("imports.progress.time-left", ImportLabels.duration(left))));
        speed.setText(String.join(" · ", pace));
    }

    private List<CountLine> countLines(ImportSummary shown) {
        Optional<ImportCounts> dry = shown.dryRun();
        boolean ran =
                ImportLabels.shownCounts(shown).filter(c -> c == shown.counts()).isPresent();
        counts.getColumnByKey("dryRun").setVisible(dry.isPresent());
        List<CountLine> lines = new ArrayList<>();
        lines.add(line(getTranslation("imports.detail.created-rows"), dry, shown, ran, ImportCounts::created));
        lines.add(line(getTranslation("imports.detail.updated-rows"), dry, shown, ran, ImportCounts::updated));
        lines.add(line(getTranslation("imports.detail.unchanged-rows"), dry, shown, ran, ImportCounts::unchanged));
        lines.add(line(getTranslation("imports.detail.refused-rows"), dry, shown, ran, ImportCounts::refused));
        lines.add(line(getTranslation("imports.detail.total-rows"), dry, shown, ran, ImportCounts::total));
        return lines;
    }

    private CountLine line(
            String what, Optional<ImportCounts> dry, ImportSummary shown, boolean ran, ToLongFunction<ImportCounts> n) {
        return new CountLine(
                what,
                dry.map(c -> Format.integer(n.applyAsLong(c))).orElse(""),
                ran ? Format.integer(n.applyAsLong(shown.counts())) : "–");
    }

    private void item(String termText, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span term = new Span(termText);
        term.addClassName("detail-term");
        Span shown = new Span(value);
        shown.addClassName("detail-value");
        Div item = new Div(term, shown);
        item.addClassName("detail-item");
        data.add(item);
    }

    private static String dateTime(Instant instant) {
        return instant == null ? "" : Format.dateTime(instant);
    }

    private void reload() {
        centre.find(summary.id()).ifPresent(this::show);
    }

    private void resume() {
        if (ImportLabels.attempt(this, () -> centre.resume(summary.id()))) {
            Notices.success(getTranslation("imports.detail.resumed"));
        }
        reload();
    }

    private void runChecked() {
        Optional<ImportRequest> request = centre.request(summary.id());
        if (request.isEmpty()) {
            Notices.error(getTranslation("imports.detail.request-lost"));
            return;
        }
        if (ImportLabels.attempt(this, () -> centre.start(summary.id(), request.get()))) {
            Notices.success(getTranslation("imports.detail.started-run"));
        }
        reload();
    }

    private void openUndo() {
        UUID id = summary.id();
        ImportLabels.tryCall(this, () -> centre.previewUndo(id))
                .ifPresent(preview -> new UndoImportDialog(preview, includeChangedLater -> {
                            if (ImportLabels.attempt(this, () -> centre.undo(id, includeChangedLater))) {
                                Notices.success(getTranslation("imports.detail.undo-started"));
                            }
                            reload();
                        })
                        .open());
    }

    @Override
    public String getPageTitle() {
        return summary == null
                ? getTranslation("imports.title")
                : getTranslation("imports.detail.title", summary.fileName());
    }
}
