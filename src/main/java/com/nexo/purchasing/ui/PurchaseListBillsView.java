package com.nexo.purchasing.ui;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.lists.PurchaseExportService;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of supplier bills ({@link PurchaseListView} for {@link PurchaseKind#BILL}). */
@Route(PurchaseRoutes.BILLS)
@RolesAllowed(PurchasingPermissions.READ)
@Menu(title = "menu.purchasing-bills", order = 40.3, icon = "vaadin:money")
public class PurchaseListBillsView extends PurchaseListView {

    PurchaseListBillsView(
            PurchaseListService lists, PurchaseFilterService filterStore, PurchaseExportService exporter) {
        super(PurchaseKind.BILL, lists, filterStore, exporter);
    }
}
