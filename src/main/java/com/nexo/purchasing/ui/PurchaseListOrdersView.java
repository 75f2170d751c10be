package com.nexo.purchasing.ui;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.lists.PurchaseExportService;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of purchase orders ({@link PurchaseListView} for {@link PurchaseKind#ORDER}). */
@Route(PurchaseRoutes.ORDERS)
@RolesAllowed(PurchasingPermissions.READ)
@Menu(title = "menu.purchasing-orders", order = 40.1, icon = "vaadin:clipboard-text")
public class PurchaseListOrdersView extends PurchaseListView {

    PurchaseListOrdersView(
            PurchaseListService lists, PurchaseFilterService filterStore, PurchaseExportService exporter) {
        super(PurchaseKind.ORDER, lists, filterStore, exporter);
    }
}
