package com.nexo.sales.ui;

import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.lists.SalesExportService;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of invoices and corrective invoices ({@link SalesListView} for {@link DocumentKind#INVOICE}). */
@Route("sales/invoices")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-invoices", order = 30.3, icon = "vaadin:invoice")
public class SalesListInvoicesView extends SalesListView {

    SalesListInvoicesView(SalesListService lists, SalesFilterService filterStore, SalesExportService exporter) {
        super(DocumentKind.INVOICE, lists, filterStore, exporter);
    }
}
