package com.nexo.shell.ui;

import com.nexo.security.AccessPermissions;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/**
 * The landing page after login: who you are, where you work and what you can open. A platform
 * operator has no tenant to show here and is sent on to the operator console.
 */
@Route("")
@PermitAll
@Menu(order = 0, icon = "vaadin:dashboard", title = "menu.dashboard")
public class DashboardView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** The operator console's route (a page of the security module, named here by its path). */
    static final String OPERATOR_CONSOLE = "operator/tenants";

    DashboardView(UserService users, TenantService tenants) {
        addClassName("dashboard");
        NexoUser user = CurrentUser.get().orElseThrow();
        if (user.isOperator()) {
            return;
        }

        H2 welcome = new H2(getTranslation("dashboard.welcome", user.displayName()));
        String tenantName =
                tenants.currentTenant().map(TenantService.TenantSummary::name).orElse("");
        Paragraph where = new Paragraph(getTranslation(
                "dashboard.where",
                tenantName,
                getTranslation("actor." + user.actorType().dbValue())));
        where.addClassName("dashboard-where");
        add(welcome, where);

        Div cards = new Div();
        cards.addClassName("dashboard-cards");
        if (user.can(AccessPermissions.USERS_READ)) {
            cards.add(usersCard(users.countUsersByActorType()));
        }
        cards.add(card(getTranslation("dashboard.language.title"), getTranslation("dashboard.language.text")));
        add(cards);
    }

    private Div usersCard(Map<ActorType, Long> counts) {
        Div list = new Div();
        list.addClassName("dashboard-counts");
        for (ActorType type :
                new ActorType[] {ActorType.EMPLOYEE, ActorType.CLIENT, ActorType.SUPPLIER, ActorType.PROFESSIONAL}) {
            Div row = new Div(
                    new Span(getTranslation("actor." + type.dbValue() + ".plural")),
                    new Span(String.valueOf(counts.getOrDefault(type, 0L))));
            row.addClassName("dashboard-count");
            list.add(row);
        }
        Div card = card(getTranslation("dashboard.users.title"), null);
        card.add(list);
        return card;
    }

    private static Div card(String title, String text) {
        Div card = new Div(new H3(title));
        card.addClassName("dashboard-card");
        if (text != null) {
            card.add(new Paragraph(text));
        }
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().map(NexoUser::isOperator).orElse(false)) {
            event.forwardTo(OPERATOR_CONSOLE);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }
}
