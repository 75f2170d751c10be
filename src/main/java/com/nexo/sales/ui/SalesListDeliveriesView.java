package com.nexo.sales.ui;

import com.nexo.sales.SalesPermissions;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.lists.SalesExportService;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of deliveries ({@link SalesListView} for {@link DocumentKind#DELIVERY}). */
@Route("sales/deliveries")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-deliveries", order = 30.2, icon = "vaadin:truck")
public class SalesListDeliveriesView extends SalesListView {

    SalesListDeliveriesView(SalesListService lists, SalesFilterService filterStore, SalesExportService exporter) {
        super(DocumentKind.DELIVERY, lists, filterStore, exporter);
    }
}
