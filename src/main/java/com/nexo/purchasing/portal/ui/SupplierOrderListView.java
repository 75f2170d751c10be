package com.nexo.purchasing.portal.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.KeysetPaging;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.purchasing.portal.SupplierPortal.OrderRow;
import com.nexo.purchasing.portal.SupplierPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The supplier's purchase orders (once sent), newest first, read page by page; a row opens the order. */
@Route("portal/purchase-orders")
@RolesAllowed(Roles.SUPPLIER)
@Menu(title = "portal.supplier.menu.orders", order = 21.0, icon = "vaadin:truck")
public class SupplierOrderListView extends Main implements HasDynamicTitle {

    private final transient SupplierPortalService portal;
    final Grid<OrderRow> grid = new Grid<>();
    private final KeysetPaging<OrderRow, OrderRow> paging = new KeysetPaging<>();

    public SupplierOrderListView(SupplierPortalService portal) {
        this.portal = portal;
        addClassNames("list-view", "portal-supplier-orders");
        grid.addColumn(OrderRow::number)
                .setHeader(getTranslation("portal.supplier.order.number"))
                .setAutoWidth(true);
        Grid.Column<OrderRow> date = grid.addColumn(row -> Format.date(row.documentDate()))
                .setHeader(getTranslation("portal.supplier.order.date"));
        Grid.Column<OrderRow> expected = grid.addColumn(
                        row -> row.expectedDate() == null ? "" : Format.date(row.expectedDate()))
                .setHeader(getTranslation("portal.supplier.order.expected"));
        Grid.Column<OrderRow> total = grid.addColumn(row -> Format.money(row.total(), row.currency()))
                .setHeader(getTranslation("portal.supplier.order.total"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        Grid.Column<OrderRow> status = grid.addColumn(row -> SupplierPortalTexts.orderStatus(this, row.status()))
                .setHeader(getTranslation("portal.supplier.order.status"));
        grid.addColumn(row -> SupplierPortalTexts.response(this, row.response()))
                .setHeader(getTranslation("portal.supplier.order.response"));
        // A tablet upright drops the dates and the state; a phone keeps the number and the answer.
        NarrowScreens.hideColumnsBelow(grid, 600, List.of(date, expected, status));
        NarrowScreens.hideColumnsBelow(grid, 480, List.of(total));
        grid.setItems(query -> paging
                .rows("all", query.getOffset(), query.getLimit(), (after, limit) -> {
                    var rows = this.portal.orders(
                            after == null ? null : after.documentDate(), after == null ? null : after.id(), limit);
                    return new KeysetPaging.Page<>(rows, rows.size() < limit ? null : rows.getLast());
                })
                .stream());
        grid.addItemClickListener(click -> getUI().ifPresent(ui ->
                ui.navigate(SupplierPortalTexts.ORDERS + "/" + click.getItem().id())));
        grid.setEmptyStateText(getTranslation("portal.supplier.order.none"));
        add(new H2(getPageTitle()), grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.supplier.order.title");
    }
}
