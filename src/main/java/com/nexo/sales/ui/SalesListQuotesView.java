package com.nexo.sales.ui;

import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.lists.SalesExportService;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of quotes ({@link SalesListView} for {@link DocumentKind#QUOTE}). */
@Route("sales/quotes")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-quotes", order = 30, icon = "vaadin:file-text-o")
public class SalesListQuotesView extends SalesListView {

    SalesListQuotesView(SalesListService lists, SalesFilterService filterStore, SalesExportService exporter) {
        super(DocumentKind.QUOTE, lists, filterStore, exporter);
    }
}
