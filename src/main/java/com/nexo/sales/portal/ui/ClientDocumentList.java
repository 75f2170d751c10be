package com.nexo.sales.portal.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.lists.SalesRow;
import com.nexo.sales.portal.ClientPortalService;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import java.util.List;

/**
 * A list of the client's own documents of one kind, newest first, read a page at a time as the
 * client scrolls (keyset pages under the client's row-level security). A row opens the document's
 * page. Each kind has its portal address in a small subclass.
 */
abstract class ClientDocumentList extends Main implements HasDynamicTitle {

    /** Below this width (a phone) only the number, state and total show. */
    static final int NARROW_PX = 600;

    final Grid<SalesRow> grid = new Grid<>();
    /** Below this window width (a phone held upright) only the number and one amount are listed. */
    private static final int PHONE_PX = 480;

    private final String titleKey;

    ClientDocumentList(ClientPortalService portal, DocumentKind kind, String titleKey) {
        this.titleKey = titleKey;
        addClassNames("list-view", "portal-documents");
        add(new H2(getTranslation(titleKey)));
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(SalesRow::number)
                .setHeader(getTranslation("portal.client.column.number"))
                .setKey("number")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<SalesRow> date = grid.addColumn(row -> Format.date(row.date()))
                .setHeader(getTranslation("portal.client.column.date"))
                .setKey("date")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<SalesRow> status = grid.addColumn(row -> ClientTexts.status(this, row.status(), row.expired()))
                .setHeader(getTranslation("portal.client.column.status"))
                .setKey("status")
                .setFlexGrow(1);
        Grid.Column<SalesRow> total = grid.addColumn(row -> Format.money(row.total(), row.currency()))
                .setHeader(getTranslation("portal.client.column.total"))
                .setKey("total")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        if (kind == DocumentKind.INVOICE) {
            grid.addColumn(row -> row.openAmount() == null ? "" : Format.money(row.openAmount(), row.currency()))
                    .setHeader(getTranslation("portal.client.column.open"))
                    .setKey("open")
                    .setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true);
        }
        NarrowScreens.hideColumnsBelow(grid, NARROW_PX, List.of(date));
        // A phone keeps the number and one amount (what is still due, on invoices); the state and the
        // total are on the document's page.
        NarrowScreens.hideColumnsBelow(
                grid, PHONE_PX, kind == DocumentKind.INVOICE ? List.of(status, total) : List.of(status));
        grid.setEmptyStateText(getTranslation("portal.client.list.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                ClientDocumentView.class,
                ClientDocumentView.parameters(click.getItem().id()))));
        PagedList.bind(grid, orders -> kind, (shown, after, limit) -> portal.page(shown, after, limit));
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
