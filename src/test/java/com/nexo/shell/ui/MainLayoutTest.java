package com.nexo.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.nexo.base.ui.Translations;
import com.nexo.security.NexoUser;
import com.nexo.security.UserService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

class MainLayoutTest extends KaribuTest {

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private UserService users;

    @Test
    void administrator_sees_the_navigation_with_the_dashboard_and_the_tenant_name() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        _get(MainLayout.class);
        SideNav nav = _get(SideNav.class);
        assertThat(nav.getItems())
                .extracting(SideNavItem::getLabel, SideNavItem::getPath)
                .contains(org.assertj.core.groups.Tuple.tuple("Inicio", ""));
        assertThat(_get(Span.class, spec -> spec.withClasses("drawer-tenant")).getText())
                .isEqualTo("Talleres Nexo Demo, S.L.");
        assertThat(_get(H1.class, spec -> spec.withClasses("page-title")).getText())
                .isEqualTo("Inicio");
    }

    @Test
    void administrator_sees_how_many_people_have_access() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        _get(H3.class, spec -> spec.withText("Personas con acceso"));
    }

    @Test
    void a_client_never_gets_the_back_office_frame() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        _assertNone(MainLayout.class);
        _assertNone(Span.class, spec -> spec.withClasses("drawer-tenant"));
        _assertNone(H3.class, spec -> spec.withText("Personas con acceso"));
        // The shared user menu, in the portal's frame.
        _get(MenuBar.class, spec -> spec.withClasses("user-menu"));
    }

    @Test
    void the_avatar_shows_the_initials_of_the_name_without_the_note_in_brackets() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        Avatar avatar = _get(Avatar.class);
        assertThat(avatar.getName()).isEqualTo("Carmen Cliente (Hostelería Sol)");
        assertThat(avatar.getAbbreviation()).isEqualTo("CC");
    }

    @Test
    void the_second_tenants_administrator_sees_only_their_own_tenant() {
        login("admin@northwind.nexo");
        UI.getCurrent().setLocale(Translations.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(_get(Span.class, spec -> spec.withClasses("drawer-tenant")).getText())
                .isEqualTo("Northwind Trading Ltd.");
    }

    @Test
    void choosing_english_in_the_user_menu_switches_the_page_and_remembers_it_for_the_next_login() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);
        try {
            ContextMenuKt._clickItemWithCaption(_get(MenuBar.class), "English");

            // The page is rendered again in the chosen language...
            assertThat(_get(H2.class).getText()).isEqualTo("Welcome, Ana Administradora");
            assertThat(_get(H1.class, spec -> spec.withClasses("page-title")).getText())
                    .isEqualTo("Dashboard");
            // ...and the user's row keeps it: the next login finds English.
            NexoUser again = (NexoUser) userDetails.loadUserByUsername("admin@demo.nexo");
            assertThat(again.locale()).isEqualTo(Translations.ENGLISH);
        } finally {
            users.changeMyLanguage(Translations.SPANISH);
        }
        assertThat(((NexoUser) userDetails.loadUserByUsername("admin@demo.nexo")).locale())
                .isEqualTo(Translations.SPANISH);
    }

    @Test
    void a_portal_user_may_choose_a_language_too() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);
        try {
            ContextMenuKt._clickItemWithCaption(_get(MenuBar.class), "English");

            assertThat(((NexoUser) userDetails.loadUserByUsername("cliente@demo.nexo")).locale())
                    .isEqualTo(Translations.ENGLISH);
        } finally {
            users.changeMyLanguage(Translations.SPANISH);
        }
    }
}
