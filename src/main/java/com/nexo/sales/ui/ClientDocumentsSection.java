package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.RecordSection;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.lists.ClientSalesService;
import com.nexo.sales.lists.SalesRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.UUID;

/**
 * The account page's "Sales documents": the client's quotes, orders, delivery notes and invoices,
 * newest first, read page by page as the user scrolls; a row opens the document.
 */
@org.springframework.stereotype.Component
class ClientDocumentsSection implements RecordSection {

    private final ClientSalesService clientSales;

    ClientDocumentsSection(ClientSalesService clientSales) {
        this.clientSales = clientSales;
    }

    @Override
    public String recordType() {
        return ACCOUNT;
    }

    @Override
    public String permission() {
        return SalesPermissions.READ;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String titleKey() {
        return "sales.section.documents";
    }

    @Override
    public Component content(UUID accountId) {
        Grid<SalesRow> grid = new Grid<>();
        grid.addClassNames("client-documents", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(row -> grid.getTranslation(row.kind().key()))
                .setHeader(grid.getTranslation("sales.list.column.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> SalesListColumns.number(grid, row))
                .setHeader(grid.getTranslation("sales.list.column.number"))
                .setAutoWidth(true);
        grid.addColumn(row -> Format.date(row.date()))
                .setHeader(grid.getTranslation("sales.list.column.date"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> SalesListColumns.state(grid, row))
                .setHeader(grid.getTranslation("sales.list.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.money(row.total(), row.currency()))
                .setHeader(grid.getTranslation("sales.list.column.total"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(false);
        grid.setHeight("18rem");
        grid.setEmptyStateText(grid.getTranslation("sales.section.documents-empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> grid.getUI()
                .ifPresent(ui -> ui.navigate(
                        SalesListView.DOCUMENT_ROUTE + click.getItem().id())));
        PagedList.bind(grid, orders -> accountId, clientSales::documents);
        return grid;
    }
}
