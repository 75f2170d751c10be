package com.nexo.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The portal frame: each external actor opens the portal's home page inside {@link PortalLayout},
 * whose menu lists portal pages only; an employee is refused the portal.
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
    }

    @Test
    void an_employee_is_refused_the_portal() {
        login("admin@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("portal"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
