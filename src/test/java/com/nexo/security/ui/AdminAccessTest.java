package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The administration pages open for administrators only, and only they see them in the menu. */
class AdminAccessTest extends KaribuTest {

    private static final List<String> ADMIN_PATHS =
            List.of("admin/users", "admin/roles", "admin/security-events", "admin/single-sign-on");

    @ParameterizedTest
    @ValueSource(classes = {UsersView.class, RolesView.class, SecurityEventsView.class, SingleSignOnView.class})
    void an_administrator_opens_the_page(Class<? extends Component> view) {
        login("admin@demo.nexo");

        UI.getCurrent().navigate(view);

        _get(view);
        assertThat(UI.getCurrent().getInternals().getTitle()).isNotBlank().doesNotContain("!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ventas@demo.nexo", "consulta@demo.nexo", "cliente@demo.nexo"})
    void anyone_else_is_refused_every_administration_page(String email) {
        login(email);

        for (Class<? extends Component> view :
                List.of(UsersView.class, RolesView.class, SecurityEventsView.class, SingleSignOnView.class)) {
            // Vaadin answers with its access-denied error, which a browser sees as the not-found page
            // (the page's existence is not given away); Karibu's stand-in for that page throws instead.
            assertThatThrownBy(() -> UI.getCurrent().navigate(view))
                    .as("opening %s as %s", view.getSimpleName(), email)
                    .hasRootCauseInstanceOf(AccessDeniedException.class);

            _assertNone(view);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ventas@demo.nexo", "consulta@demo.nexo"})
    void the_menu_of_anyone_else_has_no_administration_pages(String email) {
        login(email);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(menuPaths()).doesNotContainAnyElementsOf(ADMIN_PATHS).contains("");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin@demo.nexo"})
    void the_menu_of_an_administrator_has_every_administration_page(String email) {
        login(email);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(menuPaths()).containsAll(ADMIN_PATHS);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getLabel)
                .contains("Usuarios", "Roles y permisos", "Registro de seguridad", "Inicio de sesión único");
    }

    private static List<String> menuPaths() {
        return _get(SideNav.class).getItems().stream().map(SideNavItem::getPath).toList();
    }
}
