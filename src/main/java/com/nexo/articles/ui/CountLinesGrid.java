package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.counts.CountLine;
import com.nexo.articles.counts.CountLineFilter;
import com.nexo.articles.counts.CountListService;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.counts.StockCountSummary;
import com.nexo.base.paging.Page;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The lines of a stock count, a keyset page at a time: the article, what was expected, a field for
 * what was counted (saved as soon as it is left) and the difference, redrawn alone after a save so
 * that the field keeps its focus.
 */
class CountLinesGrid extends Grid<CountLine> {

    /** What the screen around the grid does when a line changes. */
    interface Host {
        /** A quantity was saved: the count's figures changed. */
        void saved();

        /** The count is no longer open (someone posted or cancelled it): show it again. */
        void closed();

        /** Enter in a counted field: back to the scan field for the next code. */
        void nextScan();
    }

    /** What the grid shows: the count's lines, narrowed by a filter and a code prefix or barcode. */
    private record Query(UUID countId, CountLineFilter filter, String search) {}

    private final transient StockCountService counts;
    private final transient Host host;
    private final PagedList<CountLine, Query> list;
    private StockCountSummary count;
    private CountLineFilter filter = CountLineFilter.ALL;
    private String search = "";
    /** The article whose counted field takes the focus as soon as its row is drawn (after a scan). */
    private UUID focusOnRender;
    /** The difference cells of the rows drawn since the lines were last read from the start. */
    private final Map<UUID, Div> differenceCells = new HashMap<>();

    CountLinesGrid(StockCountService counts, CountListService lists, Host host) {
        this.counts = counts;
        this.host = host;
        addClassNames("list-grid", "count-lines");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        addComponentColumn(line -> GridCells.twoLines(line.articleCode(), line.articleName(getLocale())))
                .setKey("article")
                .setHeader(getTranslation("stock.count.column.article"))
                .setWidth("12rem")
                .setFlexGrow(3);
        addColumn(line -> StockCountLabels.quantity(line.expected(), line.unitDecimals()) + " " + line.unitCode())
                .setKey("expected")
                .setHeader(getTranslation("stock.count.column.expected"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem")
                .setFlexGrow(0);
        addComponentColumn(this::countedCell)
                .setKey("counted")
                .setHeader(getTranslation("stock.count.column.counted"))
                .setWidth("10rem")
                .setFlexGrow(0);
        addComponentColumn(this::differenceCell)
                .setKey("difference")
                .setHeader(getTranslation("stock.count.column.difference"))
                .setTextAlign(ColumnTextAlign.END)
                .setWidth("8rem")
                .setFlexGrow(0);
        setSelectionMode(Grid.SelectionMode.NONE);
        setEmptyStateText(getTranslation("stock.count.empty"));
        list = PagedList.bind(
                this,
                orders -> new Query(count == null ? null : count.id(), filter, search),
                (query, after, limit) -> query.countId() == null
                        ? Page.empty()
                        : lists.lines(query.countId(), query.filter(), query.search(), after, limit));
    }

    /** Shows the lines of {@code shown}, narrowed by {@code filter} and {@code search} (a code prefix or barcode). */
    void show(StockCountSummary shown, CountLineFilter filter, String search) {
        this.count = shown;
        this.filter = filter;
        this.search = search == null ? "" : search;
        refresh();
    }

    /** The next time the row of {@code articleId} is drawn, its counted field takes the focus. */
    void focusOnRender(UUID articleId) {
        this.focusOnRender = articleId;
    }

    void refresh() {
        differenceCells.clear();
        list.refresh();
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
        field.addKeyDownListener(Key.ENTER, press -> host.nextScan());
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
        Span difference = new Span(StockCountLabels.difference(line.difference(), line.unitDecimals()));
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
                host.closed();
            }
            return;
        }
        field.setInvalid(false);
        // Redraw the difference only: redrawing the row would replace the field and lose its focus.
        Div cell = differenceCells.get(line.articleId());
        if (cell != null) {
            cell.removeAll();
            cell.add(difference(line.withCounted(parsed.value())));
        }
        host.saved();
    }

    private void refuse(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        Notices.error(message);
    }
}
