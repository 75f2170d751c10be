package com.nexo.shell.ui;

import com.nexo.base.ui.DashboardCard;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.TenantService;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The landing page after login: who you are, where you work, and the cards the modules contribute
 * ({@link DashboardCard} beans) for what your roles allow. A platform operator has no tenant to show
 * here and is sent on to the operator console; a client, supplier or professional on to the portal.
 */
@Route("")
@PermitAll
@Menu(order = 0, icon = "vaadin:dashboard", title = "menu.dashboard")
public class DashboardView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    /** The operator console's route (a page of the security module, named here by its path). */
    static final String OPERATOR_CONSOLE = "operator/tenants";

    /** The portal's home page (the portal module's, named here by its path: the shell does not depend on it). */
    static final String PORTAL_HOME = "portal";

    DashboardView(ObjectProvider<DashboardCard> cards, TenantService tenants) {
        addClassName("dashboard");
        NexoUser user = CurrentUser.get().orElseThrow();
        if (user.isOperator() || user.actorType().isExternal()) {
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
        add(welcome, where, new DashboardCards(cards.stream().toList()), languageTip());
    }

    /** Not a card: the one thing every user should know, under whatever the modules show. */
    private Aside languageTip() {
        Aside tip = new Aside(
                new H3(getTranslation("dashboard.language.title")),
                new Paragraph(getTranslation("dashboard.language.text")));
        tip.addClassName("dashboard-tip");
        return tip;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser.get().ifPresent(user -> {
            if (user.isOperator()) {
                event.forwardTo(OPERATOR_CONSOLE);
            } else if (user.actorType().isExternal()) {
                event.forwardTo(PORTAL_HOME);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }
}
