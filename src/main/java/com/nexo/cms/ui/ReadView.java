package com.nexo.cms.ui;

import com.nexo.base.Ids;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.content.ContentReader;
import com.nexo.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/**
 * News and pages for the reader: the dashboard card's "all news" and its links to one item
 * ({@code cms/read/<id>}). Employees with cms.read and portal users (who hold no permissions) may
 * open it; what each reads is the reader's decision.
 */
@Route("cms/read/:id?")
@RolesAllowed({CmsPermissions.READ, Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
@Menu(title = "menu.cms.read", order = 60.0, icon = "vaadin:newspaper")
public class ReadView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final String ID = "id";

    final PublishedContentPanel panel;

    public ReadView(ContentReader reader) {
        addClassNames("account-detail", "cms-read-view");
        H2 heading = new H2(getTranslation("cms.read.title"));
        heading.addClassName("detail-title");
        panel = new PublishedContentPanel(reader);
        // The address follows the chosen item, so that it can be shared and reloaded.
        panel.addOpenedListener(event ->
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "cms/read/" + event.itemId())));
        add(heading, panel);
    }

    /** The route parameters of one item's address. */
    static RouteParameters parameters(UUID id) {
        return new RouteParameters(ID, id.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get(ID).flatMap(Ids::parse).ifPresent(panel::open);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cms.read.title");
    }
}
