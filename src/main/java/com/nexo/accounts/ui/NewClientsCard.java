package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.search.NewClients;
import com.nexo.accounts.search.NewClientsService;
import com.nexo.base.ui.CardRows;
import com.nexo.base.ui.DashboardCard;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

/**
 * The dashboard card of new clients: how many were created in the last 30 days, and the latest few,
 * each a link to its page. One service call; shown to those who may read accounts.
 */
@org.springframework.stereotype.Component
class NewClientsCard implements DashboardCard {

    /** How many of the newest clients the card lists. */
    static final int LATEST = 5;

    private final NewClientsService clients;

    NewClientsCard(NewClientsService clients) {
        this.clients = clients;
    }

    @Override
    public String permission() {
        return AccountPermissions.READ;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String titleKey() {
        return "accounts.dashboard.new-clients";
    }

    @Override
    public Component content() {
        NewClients recent = clients.newClients(LATEST);
        Div content = new Div();
        content.addClassName("new-clients");
        Paragraph figure = new Paragraph(content.getTranslation(
                "accounts.dashboard.new-clients-count", Format.integer(recent.count()), recent.days(), recent.count()));
        figure.addClassName("dashboard-figure");
        content.add(figure);
        if (recent.latest().isEmpty()) {
            return content;
        }
        CardRows latest = new CardRows();
        for (NewClients.Client client : recent.latest()) {
            RouterLink link =
                    new RouterLink(client.name(), AccountDetailView.class, AccountDetailView.parameters(client.id()));
            Span when = new Span(Format.date(client.createdAt()));
            when.addClassName("secondary");
            latest.add(link, when);
        }
        content.add(latest);
        return content;
    }
}
