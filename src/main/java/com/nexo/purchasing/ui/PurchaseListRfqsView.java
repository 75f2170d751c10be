package com.nexo.purchasing.ui;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.lists.PurchaseExportService;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListService;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The list of requests for quotation ({@link PurchaseListView} for {@link PurchaseKind#RFQ}). */
@Route(PurchaseRoutes.RFQS)
@RolesAllowed(PurchasingPermissions.READ)
@Menu(title = "menu.purchasing-rfqs", order = 40, icon = "vaadin:question-circle-o")
public class PurchaseListRfqsView extends PurchaseListView {

    PurchaseListRfqsView(PurchaseListService lists, PurchaseFilterService filterStore, PurchaseExportService exporter) {
        super(PurchaseKind.RFQ, lists, filterStore, exporter);
    }
}
