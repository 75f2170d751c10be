package com.nexo.cms.ui;

import com.nexo.cms.CmsPermissions;
import com.nexo.cms.content.ContentReader;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * News and pages for employees, in the back office: the dashboard card's "all news" and its links to
 * one item ({@code cms/read/<id>}). Portal users read theirs in the portal ({@link PortalReadView}).
 */
@Route(ReadView.ROUTE + "/:" + ReadingPage.ID + "?")
@RolesAllowed(CmsPermissions.READ)
@Menu(title = "menu.cms.read", order = 60.0, icon = "vaadin:newspaper")
public class ReadView extends ReadingPage {

    static final String ROUTE = "cms/read";

    public ReadView(ContentReader reader) {
        super(reader, ROUTE);
    }
}
