package com.nexo.sales.portal.ui;

import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The client's own orders (portal). */
@Route("portal/orders")
@RolesAllowed(Roles.CLIENT)
@Menu(title = "portal.client.menu.orders", order = 11.0, icon = "vaadin:cart-o")
public class ClientOrdersView extends ClientDocumentList {

    ClientOrdersView(ClientPortalService portal) {
        super(portal, DocumentKind.ORDER, "portal.client.menu.orders");
    }
}
