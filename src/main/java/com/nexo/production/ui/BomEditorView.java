package com.nexo.production.ui;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PageTitles;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.boms.BomDetails;
import com.nexo.production.boms.BomExplosion;
import com.nexo.production.boms.BomForm;
import com.nexo.production.boms.BomLineDetails;
import com.nexo.production.boms.BomLineForm;
import com.nexo.production.boms.BomService;
import com.nexo.production.boms.BomStatus;
import com.nexo.production.boms.CostBreakdown;
import com.nexo.production.boms.CostLine;
import com.nexo.production.boms.CostRollUp;
import com.nexo.production.boms.LineKind;
import com.nexo.production.boms.WhereUsed;
import com.nexo.production.boms.WorkerChoice;
import com.nexo.production.work.WorkCentre;
import com.nexo.production.work.WorkService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One version of a bill of materials ({@code production/boms/:bomId}): its header (article, revision,
 * status, validity, work centre); its lines, edited in place while it is a draft (kind, article,
 * quantity, scrap, the worker of a service) and saved at once; activation, a new version, archiving;
 * the exploded tree with quantities and costs per unit, where the article is used, and its cost
 * breakdown with a recompute of the standard cost. Refusals (a cycle with its path, an overlap, a
 * concurrent edit) are shown above the lines and as a notification. Read-only for a version that is
 * no longer a draft, and for users without {@code production.edit}.
 */
@Route(BomEditorView.ROUTE)
@RolesAllowed(ProductionPermissions.READ)
public class BomEditorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final String PARAMETER = "bomId";
    static final String ROUTE = BomListView.ROUTE + "/:" + PARAMETER;

    private final transient BomService boms;
    private final transient BomExplosion explosion;
    private final transient CostRollUp costs;
    private final transient ArticleDirectory articles;
    private final transient WorkService work;
    private final boolean mayEdit = CurrentUser.can(ProductionPermissions.EDIT);

    private BomDetails shown;
    private final List<EditLine> editing = new ArrayList<>();
    private boolean dirty;

    final H2 title = new H2();
    final Span status = new Span();
    final Span validity = new Span();
    final Span centre = new Span();
    final Paragraph problem = new Paragraph();
    final Div draftHeader = new Div();
    final DatePicker draftFrom = new DatePicker();
    final DatePicker draftTo = new DatePicker();
    final ComboBox<WorkCentre> draftCentre = new ComboBox<>();

    final Button save = new Button();
    final Button activate = new Button();
    final Button newVersion = new Button();
    final Button archive = new Button();
    final Button delete = new Button();

    final Grid<EditLine> lines = new Grid<>();
    final Div lineForm = new Div();
    final Select<LineKind> lineKind = new Select<>();
    final ComboBox<ArticleSummary> lineArticle = new ComboBox<>();
    final BigDecimalField lineQuantity = new BigDecimalField();
    final BigDecimalField lineScrap = new BigDecimalField();
    final ComboBox<WorkerChoice> lineWorker = new ComboBox<>();
    final Button lineAdd = new Button();

    final TreeGrid<CostLine> tree = new TreeGrid<>();
    final Grid<WhereUsed> whereUsed = new Grid<>();
    final Span materialCost = new Span();
    final Span serviceCost = new Span();
    final Span unitCost = new Span();
    final Span storedCost = new Span();
    final Button rollUp = new Button();
    final TabSheet sheet = new TabSheet();

    BomEditorView(
            BomService boms, BomExplosion explosion, CostRollUp costs, ArticleDirectory articles, WorkService work) {
        this.boms = boms;
        this.work = work;
        this.explosion = explosion;
        this.costs = costs;
        this.articles = articles;
        // account-detail: the padding every record page has (nexo.css).
        addClassNames("account-detail", "production-bom-editor");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        getStyle().set("max-width", "100%").set("box-sizing", "border-box");

        status.setId("bom-status");
        status.getElement().getThemeList().add("badge");
        Div facts = new Div(status, validity, centre);
        facts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");

        problem.setId("bom-problem");
        problem.addClassName("form-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);

        draftFrom.setId("bom-draft-from");
        draftFrom.setLabel(getTranslation("production.boms.field.valid-from"));
        draftTo.setId("bom-draft-to");
        draftTo.setLabel(getTranslation("production.boms.field.valid-to"));
        draftTo.setClearButtonVisible(true);
        draftCentre.setId("bom-draft-centre");
        draftCentre.setLabel(getTranslation("production.boms.field.work-centre"));
        draftCentre.setItemLabelGenerator(WorkCentre::label);
        draftCentre.setClearButtonVisible(true);
        draftFrom.addValueChangeListener(change -> dirty |= change.isFromClient());
        draftTo.addValueChangeListener(change -> dirty |= change.isFromClient());
        draftCentre.addValueChangeListener(change -> dirty |= change.isFromClient());
        draftHeader.add(draftFrom, draftTo, draftCentre);
        draftHeader.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)");

        add(title, facts, draftHeader, actions(), problem, sections());
    }

    private Div actions() {
        save.setId("bom-save");
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        activate.setId("bom-activate");
        activate.setText(getTranslation("production.boms.activate"));
        activate.setIcon(VaadinIcon.CHECK.create());
        activate.addClickListener(click -> activate());
        newVersion.setId("bom-new-version");
        newVersion.setText(getTranslation("production.boms.new-version"));
        newVersion.setIcon(VaadinIcon.COPY_O.create());
        newVersion.addClickListener(click -> newVersion());
        archive.setId("bom-archive");
        archive.setText(getTranslation("production.boms.archive"));
        archive.setIcon(VaadinIcon.ARCHIVE.create());
        archive.addClickListener(click -> archive());
        delete.setId("bom-delete");
        delete.setText(getTranslation("production.boms.delete-draft"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> deleteDraft());
        Div bar = new Div(save, activate, newVersion, archive, delete);
        bar.addClassName("record-actions");
        bar.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        return bar;
    }

    private TabSheet sections() {
        sheet.setWidthFull();
        sheet.add(getTranslation("production.boms.tab.lines"), linesSection());
        sheet.add(getTranslation("production.boms.tab.tree"), treeSection());
        sheet.add(getTranslation("production.boms.tab.where-used"), whereUsedSection());
        sheet.add(getTranslation("production.boms.tab.cost"), costSection());
        return sheet;
    }

    private Div linesSection() {
        lines.setId("bom-lines");
        lines.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        lines.setAllRowsVisible(true);
        lines.addColumn(line -> editing.indexOf(line) + 1)
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(line -> BomTexts.kind(this, line.kind))
                .setHeader(getTranslation("production.boms.field.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(line -> line.label)
                .setHeader(getTranslation("production.boms.field.article"))
                .setFlexGrow(3);
        lines.addColumn(line -> BomTexts.quantity(line.quantity) + " " + line.unit)
                .setHeader(getTranslation("production.boms.field.quantity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(line -> BomTexts.percent(line.scrap))
                .setHeader(getTranslation("production.boms.field.scrap"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(line -> line.workerName == null ? "" : line.workerName)
                .setHeader(getTranslation("production.boms.field.worker"))
                .setFlexGrow(1);
        lines.addComponentColumn(line -> {
                    Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
                        editing.remove(line);
                        dirty = true;
                        lines.setItems(editing);
                    });
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                    remove.setAriaLabel(getTranslation("production.boms.remove-line"));
                    remove.setVisible(editable());
                    return remove;
                })
                // A fixed width: measured automatically it is too narrow while the buttons are hidden.
                .setWidth("3.5rem")
                .setFlexGrow(0);
        lines.setEmptyStateText(getTranslation("production.boms.no-lines"));

        lineKind.setId("line-kind");
        lineKind.setLabel(getTranslation("production.boms.field.kind"));
        lineKind.setItems(LineKind.values());
        lineKind.setItemLabelGenerator(kind -> BomTexts.kind(this, kind));
        lineKind.setValue(LineKind.MATERIAL);
        lineKind.setWidth("9rem");
        lineKind.addValueChangeListener(change -> kindChanged());
        lineArticle.setId("line-article");
        lineArticle.setLabel(getTranslation("production.boms.field.article"));
        lineArticle.setPlaceholder(getTranslation("production.boms.field.article-placeholder"));
        lineArticle.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return articles.lookUp(filter, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        lineArticle.setItemLabelGenerator(summary -> summary.label(getLocale()));
        lineArticle.setOverlayWidth("min(24rem, 95vw)");
        lineArticle.setWidth("min(20rem, 100%)");
        lineQuantity.setId("line-quantity");
        lineQuantity.setLabel(getTranslation("production.boms.field.quantity"));
        lineQuantity.setWidth("8rem");
        lineScrap.setId("line-scrap");
        lineScrap.setLabel(getTranslation("production.boms.field.scrap"));
        lineScrap.setSuffixComponent(new Span("%"));
        lineScrap.setWidth("7rem");
        lineWorker.setId("line-worker");
        lineWorker.setLabel(getTranslation("production.boms.field.worker"));
        lineWorker.setItemLabelGenerator(WorkerChoice::name);
        lineWorker.setClearButtonVisible(true);
        lineWorker.setWidth("min(14rem, 100%)");
        lineAdd.setId("line-add");
        lineAdd.setText(getTranslation("production.boms.add-line"));
        lineAdd.setIcon(VaadinIcon.PLUS.create());
        lineAdd.addClickListener(click -> addLine());
        lineForm.add(lineKind, lineArticle, lineQuantity, lineScrap, lineWorker, lineAdd);
        lineForm.addClassName("bom-line-form");
        lineForm.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("align-items", "baseline")
                .set("gap", "var(--lumo-space-s)");
        kindChanged();
        Div section = new Div(lines, lineForm);
        section.setWidthFull();
        return section;
    }

    private Div treeSection() {
        tree.setId("bom-tree");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);
        tree.addHierarchyColumn(line -> line.articleCode() + " · " + line.articleName(getLocale()))
                .setHeader(getTranslation("production.boms.field.article"))
                .setFlexGrow(3);
        tree.addColumn(line -> line.line().level())
                .setHeader(getTranslation("production.boms.column.level"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(line -> BomTexts.quantity(line.line().quantityPerUnit()))
                .setHeader(getTranslation("production.boms.column.per-unit"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(line -> BomTexts.quantity(line.line().totalQuantity()) + " " + line.unitCode())
                .setHeader(getTranslation("production.boms.column.total"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(line -> BomTexts.percent(line.line().scrapPercent()))
                .setHeader(getTranslation("production.boms.field.scrap"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(line -> BomTexts.cost(line.unitCost()))
                .setHeader(getTranslation("production.boms.column.unit-cost"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.addColumn(line -> BomTexts.cost(line.extendedCost()))
                .setHeader(getTranslation("production.boms.column.extended-cost"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        tree.setAllRowsVisible(true);
        Paragraph note = new Paragraph(getTranslation("production.boms.tree-note"));
        note.addClassName("form-note");
        Div section = new Div(note, tree);
        section.setWidthFull();
        return section;
    }

    private Div whereUsedSection() {
        whereUsed.setId("bom-where-used");
        whereUsed.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        whereUsed
                .addColumn(WhereUsed::level)
                .setHeader(getTranslation("production.boms.column.level"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        whereUsed
                .addColumn(row -> row.articleCode() + " · " + row.articleName(getLocale()))
                .setHeader(getTranslation("production.boms.field.article"))
                .setFlexGrow(3);
        whereUsed
                .addColumn(WhereUsed::revision)
                .setHeader(getTranslation("production.boms.column.revision"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        whereUsed
                .addColumn(row -> BomTexts.status(this, row.status()))
                .setHeader(getTranslation("production.boms.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        whereUsed
                .addColumn(row -> BomTexts.quantity(row.quantity()))
                .setHeader(getTranslation("production.boms.field.quantity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        whereUsed.setAllRowsVisible(true);
        whereUsed.setEmptyStateText(getTranslation("production.boms.not-used"));
        whereUsed.addItemClickListener(click -> open(click.getItem().bomId()));
        Div section = new Div(whereUsed);
        section.setWidthFull();
        return section;
    }

    private Div costSection() {
        materialCost.setId("bom-material-cost");
        serviceCost.setId("bom-service-cost");
        unitCost.setId("bom-unit-cost");
        storedCost.setId("bom-stored-cost");
        rollUp.setId("bom-rollup");
        rollUp.setText(getTranslation("production.boms.rollup"));
        rollUp.setIcon(VaadinIcon.REFRESH.create());
        rollUp.addClickListener(click -> recompute());
        rollUp.setVisible(mayEdit);
        Div figures = new Div(
                figure(getTranslation("production.boms.cost.material"), materialCost),
                figure(getTranslation("production.boms.cost.service"), serviceCost),
                figure(getTranslation("production.boms.cost.unit"), unitCost));
        figures.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        Paragraph note = new Paragraph(getTranslation("production.boms.cost-note"));
        note.addClassName("form-note");
        Div section = new Div(note, figures, storedCost, rollUp);
        section.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-s)");
        return section;
    }

    private Div figure(String text, Span value) {
        Span label = new Span(text);
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Div box = new Div(label, value);
        box.getStyle().set("display", "flex").set("flex-direction", "column");
        return box;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get(PARAMETER).orElse(""));
        } catch (IllegalArgumentException e) {
            id = null;
        }
        BomDetails found = id == null ? null : boms.details(id).orElse(null);
        if (found == null) {
            Notices.error(getTranslation("production.boms.error.not-found"));
            event.forwardTo(BomListView.class);
            return;
        }
        show(found);
    }

    private void show(BomDetails details) {
        shown = details;
        dirty = false;
        problem.setVisible(false);
        title.setText(details.articleCode() + " · " + details.articleName(getLocale()) + " — "
                + getTranslation("production.boms.revision", details.revision()));
        status.setText(BomTexts.status(this, details.status()));
        status.getElement().getThemeList().removeAll(List.of("success", "contrast"));
        if (details.status() == BomStatus.ACTIVE) {
            status.getElement().getThemeList().add("success");
        } else if (details.status() == BomStatus.ARCHIVED) {
            status.getElement().getThemeList().add("contrast");
        }
        validity.setText(BomTexts.validity(this, details.validFrom(), details.validTo()));
        centre.setText(
                details.workCentreName() == null
                        ? ""
                        : getTranslation("production.boms.work-centre", details.workCentreName()));
        draftHeader.setVisible(editable());
        if (editable()) {
            List<WorkCentre> centres = work.workCentres(false);
            draftCentre.setItems(centres);
            draftCentre.setValue(centres.stream()
                    .filter(c -> c.id().equals(details.workCentreId()))
                    .findFirst()
                    .orElse(null));
            draftFrom.setValue(details.validFrom());
            draftTo.setValue(details.validTo());
        }
        editing.clear();
        details.lines().forEach(line -> editing.add(EditLine.of(line, getLocale())));
        lines.setItems(editing);
        boolean editable = editable();
        save.setVisible(editable);
        activate.setVisible(editable);
        delete.setVisible(editable);
        lineForm.setVisible(editable);
        newVersion.setVisible(mayEdit);
        archive.setVisible(mayEdit && details.status() != BomStatus.ARCHIVED);
        if (editable) {
            lineWorker.setItems(boms.workers());
        }
        refreshAnalysis();
        PageTitles.refresh(this);
    }

    private void refreshAnalysis() {
        CostBreakdown breakdown = costs.breakdownOfVersion(shown.id());
        TreeData<CostLine> data = new TreeData<>();
        Map<UUID, CostLine> byLine = new HashMap<>();
        for (CostLine line : breakdown.lines()) {
            byLine.put(line.line().lineId(), line);
            CostLine parent = line.line().parentLineId() == null
                    ? null
                    : byLine.get(line.line().parentLineId());
            data.addItem(parent, line);
        }
        TreeDataProvider<CostLine> provider = new TreeDataProvider<>(data);
        tree.setDataProvider(provider);
        tree.expandRecursively(data.getRootItems(), Integer.MAX_VALUE);
        materialCost.setText(BomTexts.cost(breakdown.materialCost()));
        serviceCost.setText(BomTexts.cost(breakdown.serviceCost()));
        unitCost.setText(BomTexts.cost(breakdown.unitCost()));
        storedCost.setText(
                breakdown.stored() == null
                        ? getTranslation("production.boms.cost.never")
                        : getTranslation(
                                "production.boms.cost.stored",
                                BomTexts.cost(breakdown.stored().unitCost()),
                                Format.dateTime(breakdown.stored().computedAt())));
        whereUsed.setItems(explosion.whereUsed(shown.articleId()));
    }

    boolean editable() {
        return mayEdit && shown != null && shown.isDraft();
    }

    private void kindChanged() {
        boolean service = lineKind.getValue() == LineKind.SERVICE;
        lineScrap.setEnabled(!service);
        if (service) {
            lineScrap.clear();
        }
        lineWorker.setEnabled(service);
        if (!service) {
            lineWorker.clear();
        }
        String hours = getTranslation("production.boms.field.hours");
        String quantity = getTranslation("production.boms.field.quantity");
        lineQuantity.setLabel(service ? hours : quantity);
    }

    void addLine() {
        lineArticle.setInvalid(false);
        lineQuantity.setInvalid(false);
        lineScrap.setInvalid(false);
        boolean wrong = false;
        if (lineArticle.getValue() == null) {
            invalid(lineArticle, getTranslation("production.boms.error.line-article-missing"));
            wrong = true;
        }
        BigDecimal quantity = lineQuantity.getValue();
        if (quantity == null || quantity.signum() <= 0) {
            lineQuantity.setErrorMessage(getTranslation("production.boms.error.quantity-positive"));
            lineQuantity.setInvalid(true);
            wrong = true;
        }
        BigDecimal scrap = lineScrap.getValue() == null ? BigDecimal.ZERO : lineScrap.getValue();
        if (scrap.signum() < 0 || scrap.compareTo(BigDecimal.valueOf(100)) >= 0) {
            lineScrap.setErrorMessage(getTranslation("production.boms.error.scrap-range"));
            lineScrap.setInvalid(true);
            wrong = true;
        }
        if (wrong) {
            return;
        }
        ArticleSummary article = lineArticle.getValue();
        WorkerChoice worker = lineWorker.getValue();
        EditLine line = new EditLine();
        line.kind = lineKind.getValue();
        line.articleId = article.id();
        line.label = article.label(getLocale());
        line.unit = article.unitCode() == null ? "" : article.unitCode();
        line.quantity = quantity;
        line.scrap = line.kind == LineKind.SERVICE ? BigDecimal.ZERO : scrap;
        line.workerId = worker == null ? null : worker.id();
        line.workerName = worker == null ? null : worker.name();
        editing.add(line);
        dirty = true;
        lines.setItems(editing);
        lineArticle.clear();
        lineQuantity.clear();
        lineScrap.clear();
        lineWorker.clear();
    }

    private void invalid(ComboBox<?> field, String text) {
        field.setErrorMessage(text);
        field.setInvalid(true);
    }

    /** Saves the lines; true when they were saved. */
    boolean save() {
        List<BomLineForm> forms = editing.stream()
                .map(line -> new BomLineForm(
                        line.kind, line.articleId, line.quantity, line.scrap, line.workerId, line.notes))
                .toList();
        try {
            long version = boms.updateDraft(
                    shown.id(),
                    shown.version(),
                    new BomForm(
                            shown.articleId(),
                            draftFrom.getValue(),
                            draftTo.getValue(),
                            draftCentre.getValue() == null
                                    ? null
                                    : draftCentre.getValue().id(),
                            shown.notes()));
            boms.saveLines(shown.id(), version, forms);
        } catch (ProductionRuleException refusal) {
            refused(refusal);
            return false;
        }
        Notices.success(getTranslation("production.boms.saved"));
        show(boms.details(shown.id()).orElseThrow());
        return true;
    }

    void activate() {
        if (dirty && !save()) {
            return;
        }
        try {
            boms.activate(shown.id(), shown.version());
        } catch (ProductionRuleException refusal) {
            refused(refusal);
            return;
        }
        Notices.success(getTranslation("production.boms.activated"));
        show(boms.details(shown.id()).orElseThrow());
    }

    void newVersion() {
        try {
            UUID id = boms.createVersion(new BomForm(
                    shown.articleId(),
                    LocalDate.now(Format.zone(getUI().orElse(null))),
                    null,
                    shown.workCentreId(),
                    null));
            Notices.success(getTranslation("production.boms.created"));
            open(id);
        } catch (ProductionRuleException refusal) {
            refused(refusal);
        }
    }

    void archive() {
        try {
            boms.archive(shown.id(), shown.version());
        } catch (ProductionRuleException refusal) {
            refused(refusal);
            return;
        }
        Notices.success(getTranslation("production.boms.archived"));
        show(boms.details(shown.id()).orElseThrow());
    }

    void deleteDraft() {
        try {
            boms.deleteDraft(shown.id(), shown.version());
        } catch (ProductionRuleException refusal) {
            refused(refusal);
            return;
        }
        Notices.success(getTranslation("production.boms.deleted"));
        getUI().ifPresent(ui -> ui.navigate(BomListView.class));
    }

    void recompute() {
        Set<UUID> from = new HashSet<>();
        from.add(shown.articleId());
        costs.breakdownOfVersion(shown.id()).lines().stream()
                .filter(line -> line.line().isSubAssembly())
                .forEach(line -> from.add(line.line().articleId()));
        int written = costs.rollUpFrom(from);
        Notices.success(getTranslation("production.boms.rolled-up", written));
        refreshAnalysis();
    }

    private void refused(ProductionRuleException refusal) {
        String text = BomTexts.refusal(this, refusal);
        problem.setText(text);
        problem.setVisible(true);
        Notices.error(text);
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(BomEditorView.class, new RouteParameters(PARAMETER, id.toString())));
    }

    @Override
    public String getPageTitle() {
        return shown == null
                ? getTranslation("production.boms.title")
                : getTranslation("production.boms.page-title", shown.articleCode(), shown.revision());
    }

    /** A line as the editor holds it until it is saved. */
    static final class EditLine {
        LineKind kind;
        UUID articleId;
        String label;
        String unit;
        BigDecimal quantity;
        BigDecimal scrap;
        UUID workerId;
        String workerName;
        String notes;

        static EditLine of(BomLineDetails details, java.util.Locale locale) {
            EditLine line = new EditLine();
            line.kind = details.kind();
            line.articleId = details.articleId();
            line.label = details.articleCode() + " · " + details.articleName(locale);
            line.unit = details.unitCode() == null ? "" : details.unitCode();
            line.quantity = details.quantity();
            line.scrap = details.scrapPercent();
            line.workerId = details.workerId();
            line.workerName = details.workerName();
            line.notes = details.notes();
            return line;
        }
    }
}
