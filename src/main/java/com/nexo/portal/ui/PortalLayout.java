package com.nexo.portal.ui;

import com.nexo.base.ui.PageTitles;
import com.nexo.security.Roles;
import com.nexo.security.UserService;
import com.nexo.security.ui.UserMenu;
import com.nexo.tenancy.TenantBrand;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.util.List;

/**
 * The frame of every {@code portal/...} page, whatever module the page belongs to: the company's
 * logo and name, the page title, a menu of the portal pages the user may open (never a back-office
 * page) and the user menu. Only external actors get it. On a phone the menu is a drawer behind the
 * toggle and the bar keeps the logo and the user menu (styles under "portal shell" in nexo.css).
 */
@Layout("/portal")
@RolesAllowed({Roles.CLIENT, Roles.SUPPLIER, Roles.PROFESSIONAL})
public class PortalLayout extends AppLayout implements AfterNavigationObserver {

    /** The address prefix of portal pages; the menu lists only these. */
    public static final String PREFIX = "portal";

    private final H1 pageTitle = new H1();
    private Registration titleChanges;

    PortalLayout(AuthenticationContext authentication, UserService users, TenantBrand brands) {
        addClassName("portal-layout");
        setPrimarySection(Section.NAVBAR);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu-toggle"));
        Div brand = new Div();
        brand.addClassName("portal-brand");
        TenantBrand.Brand tenant = brands.current();
        if (tenant.hasLogo()) {
            byte[] logo = tenant.logo();
            String type = tenant.logoContentType();
            Image image = new Image(
                    (DownloadHandler) event -> {
                        event.setContentType(type);
                        try (OutputStream out = event.getOutputStream()) {
                            out.write(logo);
                        }
                    },
                    getTranslation("portal.shell.logo", tenant.name()));
            image.addClassName("portal-brand-logo");
            brand.add(image);
        }
        Span name = new Span(tenant.name());
        name.addClassName("portal-brand-name");
        brand.add(name);
        pageTitle.addClassName("page-title");
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(toggle, brand, pageTitle, spacer, new UserMenu(users, authentication));
        addToDrawer(navigation());
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("portal-nav");
        for (MenuEntry entry : portalEntries()) {
            SideNavItem item = new SideNavItem(nav.getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    /** The menu entries the current user may open that belong to the portals, in menu order. */
    static List<MenuEntry> portalEntries() {
        return MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> isPortalPath(entry.path()))
                .toList();
    }

    /** Whether an address (with or without its leading slash) is a portal page's. */
    public static boolean isPortalPath(String path) {
        String bare = path.startsWith("/") ? path.substring(1) : path;
        return bare.equals(PREFIX) || bare.startsWith(PREFIX + "/");
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
        pageTitle.setText(getContent() instanceof HasDynamicTitle titled ? titled.getPageTitle() : "");
    }
}
