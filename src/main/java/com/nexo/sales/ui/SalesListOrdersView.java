package com.nexo.sales.ui;

import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.lists.SalesExportService;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of orders ({@link SalesListView} for {@link DocumentKind#ORDER}). */
@Route("sales/orders")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-orders", order = 30.1, icon = "vaadin:cart-o")
public class SalesListOrdersView extends SalesListView {

    SalesListOrdersView(SalesListService lists, SalesFilterService filterStore, SalesExportService exporter) {
        super(DocumentKind.ORDER, lists, filterStore, exporter);
    }
}
