package com.nexo.articles.ui;

import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockArticle;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.UUID;

/**
 * The movement history of the article a stock screen shows: newest first, in all warehouses or in
 * the one chosen, read a keyset page at a time as the user scrolls; times in the reader's zone.
 */
class StockHistory extends Div {

    /** What the history shows: an article's movements, in one warehouse or in all (null). */
    private record Query(UUID articleId, UUID warehouseId) {}

    private final List<WarehouseRow> warehouses;
    private final PagedList<MovementRow, Query> list;
    private StockArticle article;

    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    final Grid<MovementRow> grid = new Grid<>();

    StockHistory(StockListService stock, List<WarehouseRow> warehouses) {
        this.warehouses = warehouses;
        grid.addColumn(row -> Format.dateTime(row.movedAt())).setHeader(getTranslation("stock.moved-at"));
        grid.addColumn(row -> MovementLabels.type(this, row.type())).setHeader(getTranslation("stock.movement"));
        grid.addColumn(MovementRow::warehouseCode).setHeader(getTranslation("stock.warehouse"));
        grid.addColumn(row -> StockFields.quantity(row.quantity(), row.unitDecimals()))
                .setHeader(getTranslation("stock.quantity"))
                .setTextAlign(ColumnTextAlign.END);
        Grid.Column<MovementRow> entered = grid.addColumn(
                        row -> StockFields.quantity(row.enteredQuantity(), row.enteredUnitDecimals()) + " "
                                + row.enteredUnitCode())
                .setHeader(getTranslation("stock.entered"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> row.reason() == null ? "" : row.reason()).setHeader(getTranslation("stock.reason"));
        Grid.Column<MovementRow> source = grid.addColumn(row -> row.sourceRef() == null ? "" : row.sourceRef())
                .setHeader(getTranslation("stock.source"));
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(entered, source));
        grid.setEmptyStateText(getTranslation("stock.no-movements"));
        list = PagedList.bind(
                grid,
                orders -> new Query(article == null ? null : article.id(), StockFields.idOf(warehouse.getValue())),
                (query, after, limit) -> stock.movements(query.articleId(), query.warehouseId(), after, limit));

        warehouse.setPlaceholder(getTranslation("stock.all-warehouses"));
        warehouse.setAriaLabel(getTranslation("stock.history-warehouse"));
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.setClearButtonVisible(true);
        warehouse.addValueChangeListener(event -> list.refresh());

        Div heading = new Div(new H3(getTranslation("stock.history")), warehouse);
        heading.addClassName("stock-heading");
        add(heading, grid);
    }

    /** Shows the movements of {@code shown} (none when null). */
    void show(StockArticle shown) {
        this.article = shown;
        grid.setEmptyStateText(
                shown == null ? getTranslation("stock.history.choose-article") : getTranslation("stock.no-movements"));
        list.refresh();
    }

    /** Narrows the history to one warehouse, if it is one of those offered. */
    void showWarehouse(UUID warehouseId) {
        StockFields.find(warehouses, warehouseId).ifPresent(warehouse::setValue);
    }

    void refresh() {
        list.refresh();
    }
}
