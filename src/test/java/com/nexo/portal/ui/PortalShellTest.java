package com.nexo.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.cms.ui.PublishedContentPanel;
import com.nexo.shell.ui.MainLayout;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal frame: each external actor opens the portal's home page inside {@link PortalLayout},
 * branded with the tenant's name and logo, whose menu lists portal pages only; the home page greets
 * the user by its account and shows what waits and what the CMS publishes to its audience. External
 * actors are sent from "/" to the portal and refused every back-office page; an employee is refused
 * the portal.
 */
class PortalShellTest extends KaribuTest {

    @ParameterizedTest
    @ValueSource(strings = {"cliente@demo.nexo", "proveedor@demo.nexo", "profesional@demo.nexo"})
    void an_external_actor_opens_the_portal_home_inside_the_portal_frame(String email) {
        login(email);
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();

        PortalHomeView home = _get(PortalHomeView.class);
        assertThat(home.getParent()).isPresent();
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(home);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .isNotEmpty()
                .allMatch(PortalLayout::isPortalPath);
        assertThat(_get(Span.class, spec -> spec.withClasses("portal-brand-name"))
                        .getText())
                .isEqualTo("Talleres Nexo");
        _get(Image.class, spec -> spec.withClasses("portal-brand-logo"));
        _assertNone(MainLayout.class);
    }

    @ParameterizedTest
    @CsvSource({
        "cliente@demo.nexo, Hostelería Sol, Bienvenido al portal de clientes, Guía para proveedores",
        "proveedor@demo.nexo, Aceros del Norte, Guía para proveedores, Bienvenido al portal de clientes"
    })
    void the_home_page_names_the_account_and_shows_the_content_published_to_the_actors_audience(
            String email, String account, String ownContent, String otherContent) {
        login(email);
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();

        PortalHomeView home = _get(PortalHomeView.class);
        assertThat(home.account.getText()).startsWith("Actúas en nombre de").contains(account);
        assertThat(home.waiting.getChildren()).isNotEmpty();
        String published = _get(PublishedContentPanel.class).getElement().getTextRecursively();
        assertThat(published).contains(ownContent).doesNotContain(otherContent);
    }

    @Test
    void the_professional_reads_its_own_audiences_content_and_not_the_clients() {
        login("profesional@demo.nexo");
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();

        String published = _get(PublishedContentPanel.class).getElement().getTextRecursively();
        assertThat(published)
                .doesNotContain("Bienvenido al portal de clientes", "Welcome to the client portal")
                .doesNotContain("Guía para proveedores", "Supplier guide");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cliente@demo.nexo", "proveedor@demo.nexo", "profesional@demo.nexo"})
    void an_external_actor_at_the_start_address_lands_in_the_portal_not_the_back_office(String email) {
        login(email);
        UI.getCurrent().navigate("");
        UI.getCurrent().getPage().reload();

        _get(PortalHomeView.class);
        _assertNone(MainLayout.class);
    }

    @Test
    void every_back_office_page_refuses_a_portal_user_or_sends_it_to_the_portal() {
        login("cliente@demo.nexo");
        List<String> opened = new ArrayList<>();
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> !route.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class))
                .filter(route -> !PortalLayout.isPortalPath(route.getTemplate()))
                .toList();
        assertThat(routes).as("back-office pages").hasSizeGreaterThan(10);
        for (RouteData route : routes) {
            // An optional parameter is left out; a required one gets a value that exists nowhere.
            String address = route.getTemplate()
                    .replaceAll("/:[^/]*\\?", "")
                    .replaceAll(":[^/]+", "00000000-0000-0000-0000-000000000000");
            try {
                UI.getCurrent().navigate(address);
            } catch (Throwable refused) {
                // Karibu reports the refusal as its own error, whose root cause is Vaadin's.
                assertThat(refused).as(address).hasRootCauseInstanceOf(AccessDeniedException.class);
                continue;
            }
            if (!(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst() instanceof PortalHomeView)) {
                opened.add(address);
            }
        }
        assertThat(opened).as("back-office pages a client opened").isEmpty();
    }

    @Test
    void an_employee_is_refused_the_portal() {
        login("admin@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("portal"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
