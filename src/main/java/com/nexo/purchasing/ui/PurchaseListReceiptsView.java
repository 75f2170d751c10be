package com.nexo.purchasing.ui;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.lists.PurchaseExportService;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of receipts ({@link PurchaseListView} for {@link PurchaseKind#RECEIPT}). */
@Route(PurchaseRoutes.RECEIPTS)
@RolesAllowed(PurchasingPermissions.READ)
@Menu(title = "menu.purchasing-receipts", order = 40.2, icon = "vaadin:inbox")
public class PurchaseListReceiptsView extends PurchaseListView {

    PurchaseListReceiptsView(
            PurchaseListService lists, PurchaseFilterService filterStore, PurchaseExportService exporter) {
        super(PurchaseKind.RECEIPT, lists, filterStore, exporter);
    }
}
