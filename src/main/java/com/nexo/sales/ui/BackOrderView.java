package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.lists.BackOrderRow;
import com.nexo.sales.lists.BackOrderService;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;

/**
 * Back-orders: the order lines whose quantity is neither delivered nor covered by reserved stock,
 * oldest order first, read page by page. A row opens its order.
 */
@Route("sales/back-orders")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-back-orders", order = 30.4, icon = "vaadin:hourglass")
public class BackOrderView extends Main implements HasDynamicTitle {

    /** Quantities show up to this many decimals (units of measure have at most four). */
    private static final int QUANTITY_DECIMALS = 4;

    private final Grid<BackOrderRow> grid = new Grid<>();

    BackOrderView(BackOrderService backOrders) {
        addClassNames("list-view", "back-orders");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(BackOrderRow::orderNumber)
                .setHeader(getTranslation("sales.back-orders.column.order"))
                .setKey("order")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<BackOrderRow> date = grid.addColumn(row -> Format.date(row.orderDate()))
                .setHeader(getTranslation("sales.back-orders.column.date"))
                .setKey("date")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(BackOrderRow::clientName)
                .setHeader(getTranslation("sales.back-orders.column.client"))
                .setKey("client")
                .setFlexGrow(1);
        grid.addColumn(row ->
                        row.articleCode() == null ? row.description() : row.articleCode() + " · " + row.description())
                .setHeader(getTranslation("sales.back-orders.column.article"))
                .setKey("article")
                .setFlexGrow(2);
        Grid.Column<BackOrderRow> ordered = quantity("ordered", BackOrderRow::ordered);
        Grid.Column<BackOrderRow> delivered = quantity("delivered", BackOrderRow::delivered);
        Grid.Column<BackOrderRow> reserved = quantity("reserved", BackOrderRow::reserved);
        quantity("back-ordered", BackOrderRow::backOrdered);
        NarrowScreens.hideColumnsBelow(
                grid, SalesListColumns.WIDE_SCREEN_PX, List.of(date, ordered, delivered, reserved));
        grid.setEmptyStateText(getTranslation("sales.back-orders.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(SalesListView.DOCUMENT_ROUTE + click.getItem().orderId())));
        PagedList.bind(grid, orders -> Boolean.TRUE, (all, after, limit) -> backOrders.page(after, limit));
        add(grid);
    }

    private Grid.Column<BackOrderRow> quantity(
            String key, java.util.function.Function<BackOrderRow, BigDecimal> value) {
        return grid.addColumn(row -> Format.quantity(value.apply(row), QUANTITY_DECIMALS) + unit(row))
                .setHeader(getTranslation("sales.back-orders.column." + key))
                .setKey(key)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    private static String unit(BackOrderRow row) {
        return row.unitCode() == null ? "" : " " + row.unitCode();
    }

    Grid<BackOrderRow> grid() {
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sales.back-orders.title");
    }
}
