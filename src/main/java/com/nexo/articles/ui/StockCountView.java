package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.counts.CountLine;
import com.nexo.articles.counts.CountLineFilter;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.counts.StockCountSummary;
import com.nexo.base.Ids;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.base.ui.TimeFormat;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Entering a stock count on a tablet: scan or type an article's code or barcode to jump to its line,
 * type what is on the shelf (saved as soon as the field is left), review the differences, and post
 * them as adjustments. A posted or cancelled count opens read-only.
 */
@Route("stock/counts/:countId")
@RolesAllowed(ArticlePermissions.STOCK_COUNT)
public class StockCountView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final String PARAMETER = "countId";

    private final transient StockCountService counts;
    private StockCountSummary count;
    /** The article whose counted field takes the focus as soon as its row is drawn (after a scan). */
    private UUID focusOnRender;
    /** The code prefix or barcode the lines are narrowed to; empty for all. */
    private String lineSearch = "";
    /** The difference cells of the rows drawn since the lines were last fetched. */
    private final Map<UUID, Div> differenceCells = new HashMap<>();

    private final H2 title = new H2();
    private final Div status = new Div();
    private final Paragraph figures = new Paragraph();
    private final Paragraph reviewSummary = new Paragraph();
    final QuickSearchField scan;
    final Button review = new Button();
    final Button post = new Button();
    final Button cancel = new Button();
    final Grid<CountLine> lines = new Grid<>();

    StockCountView(StockCountService counts) {
        this.counts = counts;
        addClassNames("list-view", "stock-count-view");

        RouterLink back = new RouterLink(getTranslation("stock.count.back"), StockCountsView.class);
        back.addClassName("detail-back");
        status.addClassName("count-state");
        figures.addClassName("count-figures");

        post.setText(getTranslation("stock.count.post"));
        post.setIcon(VaadinIcon.CHECK.create());
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        post.addClickListener(click -> confirmPost());
        // Counting and posting are separate permissions: a counter sees the button, disabled.
        post.setEnabled(CurrentUser.can(ArticlePermissions.STOCK_POST));
        cancel.setText(getTranslation("stock.count.cancel"));
        cancel.setIcon(VaadinIcon.CLOSE_SMALL.create());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> confirmCancel());
        Div actions = new Div(cancel, post);
        actions.addClassName("list-actions");
        Div header = new Div(new Div(title, status, figures), actions);
        header.addClassName("count-header");

        scan = new QuickSearchField(getTranslation("stock.count.scan"));
        scan.setPrefixComponent(VaadinIcon.BARCODE.create());
        scan.setHelperText(getTranslation("stock.count.scan-help"));
        scan.addClassName("count-scan");
        scan.setAutoselect(true);
        // A scanner types the code and presses Enter: one look-up per code, not one per digit.
        scan.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        scan.addValueChangeListener(change -> scanned(scan.text()));
        review.setIcon(VaadinIcon.FILTER.create());
        review.addClassName("count-review");
        review.addClickListener(click -> setReviewing(!reviewing()));
        Div toolbar = new Div(scan, review);
        toolbar.addClassName("list-toolbar");
        reviewSummary.addClassName("count-review-summary");

        configureGrid();
        setReviewing(false);
        add(back, header, toolbar, reviewSummary, lines);
    }

    static RouteParameters parameters(UUID countId) {
        return new RouteParameters(PARAMETER, countId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<StockCountSummary> found =
                event.getRouteParameters().get(PARAMETER).flatMap(Ids::parse).flatMap(counts::count);
        if (found.isEmpty()) {
            // Not there, or another tenant's: the same answer, which gives nothing away.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    private void configureGrid() {
        lines.addClassNames("list-grid", "count-lines");
        lines.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lines.addComponentColumn(line -> GridCells.twoLines(line.articleCode(), articleName(line)))
                .setKey("article")
                .setHeader(getTranslation("stock.count.column.article"))
                .setWidth("12rem")
                .setFlexGrow(3);
        lines.addColumn(line -> StockCountLabels.quantity(line.expected(), getLocale()) + " " + line.unitCode())
                .setKey("expected")
                .setHeader(getTranslation("stock.count.column.expected"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem")
                .setFlexGrow(0);
        lines.addComponentColumn(this::countedCell)
                .setKey("counted")
                .setHeader(getTranslation("stock.count.column.counted"))
                .setWidth("10rem")
                .setFlexGrow(0);
        lines.addComponentColumn(this::differenceCell)
                .setKey("difference")
                .setHeader(getTranslation("stock.count.column.difference"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("8rem")
                .setFlexGrow(0);
        lines.setSelectionMode(Grid.SelectionMode.NONE);
        lines.setEmptyStateText(getTranslation("stock.count.empty"));
        lines.setItems(
                query -> {
                    if (query.getOffset() == 0) {
                        differenceCells.clear();
                    }
                    return count == null
                            ? java.util.stream.Stream.<CountLine>empty()
                            : counts
                                    .lines(count.id(), filter(), lineSearch, query.getOffset(), query.getLimit())
                                    .stream();
                },
                query -> count == null
                        ? 0
                        : (int) Math.min(Integer.MAX_VALUE, counts.countLines(count.id(), filter(), lineSearch)));
    }

    private String articleName(CountLine line) {
        return "en".equals(getLocale().getLanguage()) ? line.articleNameEn() : line.articleNameEs();
    }

    /** The counted field of a line; what is typed is saved when the field is left or Enter pressed. */
    private Component countedCell(CountLine line) {
        TextField field = new TextField();
        field.addClassName("count-counted");
        field.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
        field.setAriaLabel(getTranslation("stock.count.counted-label", line.articleCode()));
        field.setValue(StockCountLabels.editable(line.counted(), getLocale()));
        field.setSuffixComponent(new Span(line.unitCode()));
        // A numeric keypad on tablets; the minus sign may still be typed and is refused in words.
        field.getElement().setAttribute("inputmode", "decimal");
        field.setAllowedCharPattern("[0-9.,\\-]");
        field.setAutoselect(true);
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.setReadOnly(count == null || !count.isOpen());
        // Registered after the stored value is shown, so only what the user types is saved.
        field.addValueChangeListener(change -> save(line, field));
        // Enter means "done with this shelf": back to the scan field, ready for the next code.
        field.addKeyDownListener(Key.ENTER, press -> scan.focus());
        if (line.articleId().equals(focusOnRender)) {
            focusOnRender = null;
            field.focus();
        }
        return field;
    }

    /** The difference cell of a line, kept so that saving redraws it without redrawing the field. */
    private Component differenceCell(CountLine line) {
        Div cell = new Div(difference(line));
        cell.addClassName("count-difference-cell");
        differenceCells.put(line.articleId(), cell);
        return cell;
    }

    private Component difference(CountLine line) {
        if (!line.isCounted()) {
            Badge badge = new Badge(getTranslation("stock.count.not-counted"));
            badge.addThemeVariants(BadgeVariant.CONTRAST, BadgeVariant.SMALL);
            badge.addClassName("count-not-counted");
            return badge;
        }
        Span difference = new Span(StockCountLabels.difference(line.difference(), getLocale()));
        difference.addClassName("count-difference");
        difference.addClassName(
                switch (line.difference().signum()) {
                    case 1 -> "count-surplus";
                    case -1 -> "count-shortage";
                    default -> "count-match";
                });
        return difference;
    }

    /** Saves one typed quantity, or says in words why it cannot; the typed text stays either way. */
    void save(CountLine line, TextField field) {
        StockCountLabels.Parsed parsed = StockCountLabels.parse(field.getValue());
        if (!parsed.valid()) {
            refuse(field, getTranslation(parsed.errorKey()));
            return;
        }
        try {
            counts.enterCounted(count.id(), line.articleId(), parsed.value());
        } catch (ArticleRuleException e) {
            refuse(field, getTranslation(e.messageKey(), e.arguments()));
            if ("stock.error.count-not-open".equals(e.messageKey())) {
                reload();
            }
            return;
        }
        field.setInvalid(false);
        CountLine saved = new CountLine(
                line.articleId(),
                line.articleCode(),
                line.articleNameEs(),
                line.articleNameEn(),
                line.unitCode(),
                line.expected(),
                parsed.value());
        // Redraw the difference only: redrawing the row would replace the field and lose its focus.
        Div cell = differenceCells.get(line.articleId());
        if (cell != null) {
            cell.removeAll();
            cell.add(difference(saved));
        }
        refreshFigures();
    }

    private void refuse(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        Notices.error(message);
    }

    void scanned(String text) {
        lineSearch = "";
        if (text.isEmpty()) {
            lines.getDataProvider().refreshAll();
            return;
        }
        Optional<CountLine> line = counts.findLine(count.id(), text);
        if (line.isEmpty() && counts.countLines(count.id(), CountLineFilter.ALL, text) > 0) {
            // Part of a code: the lines it begins.
            lineSearch = text;
            lines.getDataProvider().refreshAll();
            return;
        }
        if (line.isEmpty() && count.isOpen()) {
            try {
                line = counts.addScanned(count.id(), text);
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                reload();
                return;
            }
            line.ifPresent(added -> {
                Notices.success(getTranslation("stock.count.added", added.articleCode()));
                refreshFigures();
            });
        }
        if (line.isEmpty()) {
            Notices.error(getTranslation("stock.count.not-found", text));
            lines.getDataProvider().refreshAll();
            return;
        }
        // Jump to the line: all lines (it may have no difference), narrowed to its code.
        setReviewing(false);
        lineSearch = line.get().articleCode();
        focusOnRender = line.get().articleId();
        lines.getDataProvider().refreshAll();
    }

    boolean reviewing() {
        return review.hasClassName("count-reviewing");
    }

    void setReviewing(boolean on) {
        review.setClassName("count-reviewing", on);
        review.getElement().setAttribute("aria-pressed", Boolean.toString(on));
        review.setText(on ? getTranslation("stock.count.show-all") : getTranslation("stock.count.review"));
        if (on) {
            review.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            review.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        lines.getDataProvider().refreshAll();
        renderReviewSummary();
    }

    private CountLineFilter filter() {
        return reviewing() ? CountLineFilter.REVIEW : CountLineFilter.ALL;
    }

    private void show(StockCountSummary shown) {
        this.count = shown;
        title.setText(getTranslation("stock.count.title", shown.warehouseCode() + " · " + shown.warehouseName()));
        status.removeAll();
        String started = getTranslation(
                "stock.count.started-by",
                shown.startedByName() == null ? "" : shown.startedByName(),
                TimeFormat.dateTime(shown.startedAt()));
        status.add(
                StockCountLabels.status(this, shown.status()),
                new Span(StockCountLabels.scope(this, shown, getLocale())));
        Span startedText = new Span(started);
        startedText.addClassName("secondary");
        status.add(startedText);
        if (StockCountSummary.POSTED.equals(shown.status())) {
            status.add(new Span(getTranslation("stock.count.posted-at", TimeFormat.dateTime(shown.postedAt()))));
        } else if (StockCountSummary.CANCELLED.equals(shown.status())) {
            status.add(new Span(getTranslation("stock.count.cancelled-note")));
        }
        post.setVisible(shown.isOpen());
        cancel.setVisible(shown.isOpen());
        renderFigures();
        lines.getDataProvider().refreshAll();
    }

    private void reload() {
        counts.count(count.id()).ifPresent(this::show);
    }

    private void refreshFigures() {
        counts.count(count.id()).ifPresent(fresh -> {
            count = fresh;
            renderFigures();
        });
    }

    private void renderFigures() {
        figures.setText(getTranslation(
                "stock.count.figures", count.lines(), count.counted(), count.uncounted(), count.differences()));
        renderReviewSummary();
    }

    private void renderReviewSummary() {
        reviewSummary.setVisible(count != null && reviewing());
        if (count != null) {
            reviewSummary.setText(getTranslation("stock.count.review-summary", count.differences(), count.uncounted()));
        }
    }

    void confirmPost() {
        refreshFigures();
        StockCountSummary reviewed = count;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.addClassName("count-post-dialog");
        confirm.setHeader(getTranslation("stock.count.post-title"));
        confirm.setText(
                reviewed.differences() == 0
                        ? getTranslation("stock.count.post-text-none", reviewed.uncounted())
                        : getTranslation("stock.count.post-text", reviewed.differences(), reviewed.uncounted()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("stock.count.post"));
        confirm.setConfirmButtonTheme("success primary");
        confirm.addConfirmListener(event -> {
            try {
                int adjustments = counts.post(reviewed.id(), reviewed.lastEntryAt());
                Notices.success(getTranslation("stock.count.posted", adjustments));
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
            reload();
        });
        confirm.open();
    }

    void confirmCancel() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.addClassName("count-cancel-dialog");
        confirm.setHeader(getTranslation("stock.count.cancel-title"));
        confirm.setText(getTranslation("stock.count.cancel-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("stock.count.keep"));
        confirm.setConfirmText(getTranslation("stock.count.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> {
            try {
                counts.cancel(count.id());
                Notices.success(getTranslation("stock.count.cancelled"));
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
            reload();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return count == null
                ? getTranslation("stock.count.list.title")
                : getTranslation("stock.count.title", count.warehouseCode());
    }
}
