package com.nexo.shell.ui;

import com.nexo.base.notifications.NotificationService;
import com.nexo.base.notifications.NotificationSignals;
import com.nexo.base.notifications.ui.NotificationBell;
import com.nexo.base.ui.PageTitles;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.security.ui.UserMenu;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;

/**
 * The frame around every back-office page: the module navigation (only what the user may open), the
 * page title and the user menu (language, password, log out). Collapses to a drawer on tablets.
 * External actors never get it: the portal has its own frame, and any page in this one that a client,
 * supplier or professional might pass (a page for every logged-in user) sends them to the portal.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver, BeforeEnterObserver {

    private final H1 pageTitle = new H1();
    private Registration titleChanges;

    MainLayout(
            AuthenticationContext authentication,
            UserService users,
            TenantService tenants,
            NotificationService notifications,
            NotificationSignals signals) {
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu-toggle"));
        pageTitle.addClassName("page-title");
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(toggle, pageTitle, spacer);
        // The bell of in-app notifications: an employee's (operators and portal actors get none).
        CurrentUser.get()
                .filter(user -> user.actorType() == ActorType.EMPLOYEE)
                .ifPresent(user -> addToNavbar(new NotificationBell(notifications, signals, user.userId())));
        addToNavbar(new UserMenu(users, authentication));

        Div brand = new Div();
        brand.addClassName("drawer-brand");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("drawer-brand-name");
        brand.add(name);
        boolean operator = CurrentUser.get().map(NexoUser::isOperator).orElse(false);
        if (operator) {
            Span console = new Span(getTranslation("shell.operator-console"));
            console.addClassName("drawer-tenant");
            brand.add(console);
        } else {
            tenants.currentTenant().ifPresent(tenant -> {
                Span tenantName = new Span(tenant.name());
                tenantName.addClassName("drawer-tenant");
                brand.add(tenantName);
            });
        }
        addToDrawer(brand, navigation(operator));
    }

    private SideNav navigation(boolean operator) {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        // Vaadin lists only the views this user's roles may open. A platform operator also passes
        // @PermitAll pages, which show a tenant's work: it gets only the pages made for operators.
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (operator && !forOperators(entry)) {
                continue;
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private static boolean forOperators(MenuEntry entry) {
        RolesAllowed roles =
                entry.menuClass() == null ? null : entry.menuClass().getAnnotation(RolesAllowed.class);
        return roles != null && Arrays.asList(roles.value()).contains(ActorType.OPERATOR.name());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().map(user -> user.actorType().isExternal()).orElse(false)) {
            event.forwardTo(DashboardView.PORTAL_HOME);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        titleChanges = PageTitles.onChange(attach.getUI(), changed -> pageTitle.setText(changed.title()));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        titleChanges.remove();
        super.onDetach(detach);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = getContent() instanceof HasDynamicTitle titled ? titled.getPageTitle() : "";
        pageTitle.setText(title);
    }
}
