package com.nexo.cms.ui;

import com.nexo.cms.content.ContentReader;
import com.nexo.security.Roles;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * News and pages for portal users (clients, suppliers, professionals), inside the portal's frame: what
 * is published to the user's audience, the same panel as on the portal's home page, with an address
 * of its own per item ({@code portal/content/<id>}) that can be shared and reloaded.
 */
@Route(PortalReadView.ROUTE + "/:" + ReadingPage.ID + "?")
@RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
@Menu(title = "menu.portal.content", order = 90.0, icon = "vaadin:newspaper")
public class PortalReadView extends ReadingPage {

    /** The page's address; one item's is {@code portal/content/<id>}. */
    public static final String ROUTE = "portal/content";

    public PortalReadView(ContentReader reader) {
        super(reader, ROUTE);
    }
}
