package com.nexo.sales.portal.ui;

import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The client's own deliveries (portal). */
@Route("portal/deliveries")
@RolesAllowed(Roles.CLIENT)
@Menu(title = "portal.client.menu.deliveries", order = 12.0, icon = "vaadin:truck")
public class ClientDeliveriesView extends ClientDocumentList {

    ClientDeliveriesView(ClientPortalService portal) {
        super(portal, DocumentKind.DELIVERY, "portal.client.menu.deliveries");
    }
}
