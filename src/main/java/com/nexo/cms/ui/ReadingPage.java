package com.nexo.cms.ui;

import com.nexo.base.Ids;
import com.nexo.cms.content.ContentReader;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import java.util.UUID;

/**
 * A page to read news and pages on: what is published to the reader, with the item its address names
 * ({@code <route>/<id>}) open. The address follows the item chosen, so that it can be shared and
 * reloaded. The back office and the portals each have one, under their own addresses and frames;
 * what each reader reads is the reader's decision ({@link ContentReader}).
 */
abstract class ReadingPage extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final String ID = "id";

    final PublishedContentPanel panel;

    /** @param route the page's address without the item's id */
    ReadingPage(ContentReader reader, String route) {
        addClassNames("account-detail", "cms-read-view");
        H2 heading = new H2(getTranslation("cms.read.title"));
        heading.addClassName("detail-title");
        panel = new PublishedContentPanel(reader);
        panel.addOpenedListener(event ->
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, route + "/" + event.itemId())));
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
