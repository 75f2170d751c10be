package com.nexo.sales.portal.ui;

import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.security.Roles;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The client's own quotes (portal). */
@Route("portal/quotes")
@RolesAllowed(Roles.CLIENT)
@Menu(title = "portal.client.menu.quotes", order = 10.0, icon = "vaadin:file-text-o")
public class ClientQuotesView extends ClientDocumentList {

    ClientQuotesView(ClientPortalService portal) {
        super(portal, DocumentKind.QUOTE, "portal.client.menu.quotes");
    }
}
