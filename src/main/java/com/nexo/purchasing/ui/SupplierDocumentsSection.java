package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.RecordSection;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.lists.PurchaseListTexts;
import com.nexo.purchasing.lists.PurchaseRow;
import com.nexo.purchasing.lists.SupplierPurchasesService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.UUID;

/**
 * The account page's "Purchasing documents", on supplier accounts only: the RFQs sent to the supplier
 * (through purchase_rfq_supplier), its orders, receipts and bills, newest first, read page by page as
 * the user scrolls; a row opens the document.
 */
@org.springframework.stereotype.Component
class SupplierDocumentsSection implements RecordSection {

    private final SupplierPurchasesService purchases;

    SupplierDocumentsSection(SupplierPurchasesService purchases) {
        this.purchases = purchases;
    }

    @Override
    public String recordType() {
        return ACCOUNT;
    }

    @Override
    public String permission() {
        return PurchasingPermissions.READ;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String titleKey() {
        return "purchasing.section.documents";
    }

    @Override
    public boolean appliesTo(UUID accountId) {
        return purchases.isSupplier(accountId);
    }

    @Override
    public Component content(UUID supplierId) {
        Grid<PurchaseRow> grid = new Grid<>();
        grid.addClassNames("supplier-documents", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(row -> grid.getTranslation(PurchaseListTexts.kindKey(row.kind())))
                .setHeader(grid.getTranslation("purchasing.list.column.kind"))
                .setKey("kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> PurchaseListColumns.number(grid, row))
                .setHeader(grid.getTranslation("purchasing.list.column.number"))
                .setKey("number")
                .setAutoWidth(true);
        grid.addColumn(row -> Format.date(row.date()))
                .setHeader(grid.getTranslation("purchasing.list.column.date"))
                .setKey("date")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> PurchaseListColumns.state(grid, row))
                .setHeader(grid.getTranslation("purchasing.list.column.status"))
                .setKey("status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> Format.money(row.total(), row.currency()))
                .setHeader(grid.getTranslation("purchasing.list.column.total"))
                .setKey("total")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(false);
        grid.setHeight("18rem");
        grid.setEmptyStateText(grid.getTranslation("purchasing.section.documents-empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> grid.getUI()
                .ifPresent(ui -> ui.navigate(PurchaseRoutes.document(
                        click.getItem().kind(), click.getItem().id()))));
        PagedList.bind(grid, orders -> supplierId, purchases::documents);
        return grid;
    }
}
