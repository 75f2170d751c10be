package com.nexo.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.DashboardCard;
import com.nexo.security.Permission;
import com.nexo.security.UserService;
import com.nexo.security.roles.PermissionCatalog;
import com.nexo.security.ui.LoginView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardViewTest extends KaribuTest {

    @Autowired
    private PermissionCatalog catalog;

    @Autowired
    private UserService users;

    @Test
    void anonymous_visitor_is_sent_to_the_login_page() {
        UI.getCurrent().navigate(DashboardView.class);
        _get(LoginView.class);
    }

    @Test
    void administrator_sees_a_welcome_with_their_name() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Hola, Ana Administradora");
    }

    @Test
    void the_administrator_sees_the_cards_modules_contribute_with_their_figures() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        Section people = _get(
                Section.class,
                spec -> spec.withClasses("dashboard-card")
                        .withPredicate(
                                card -> card.getElement().getTextRecursively().startsWith("Personas con acceso")));
        // Other tests add employees to the demo tenant: the figures are the service's, read now.
        Map<ActorType, Long> counts = users.countUsersByActorType();
        assertThat(people.getElement().getTextRecursively())
                .contains(
                        "Empleados" + counts.get(ActorType.EMPLOYEE),
                        "Clientes" + counts.get(ActorType.CLIENT),
                        "Proveedores" + counts.get(ActorType.SUPPLIER),
                        "Profesionales" + counts.get(ActorType.PROFESSIONAL));
        _assertNone(Div.class, spec -> spec.withClasses("dashboard-empty"));
        _get(H3.class, spec -> spec.withText("Tu idioma"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cliente@demo.nexo", "proveedor@demo.nexo", "profesional@demo.nexo"})
    void a_portal_actor_is_sent_on_to_the_portal_and_gets_no_card_and_no_back_office_frame(String email) {
        login(email);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo(DashboardView.PORTAL_HOME);
        _assertNone(DashboardView.class);
        _assertNone(MainLayout.class);
        _assertNone(Section.class, spec -> spec.withClasses("dashboard-card"));
    }

    @Test
    void every_card_names_a_permission_that_exists_so_that_someone_can_be_given_it() {
        Map<String, DashboardCard> cards = context.getBeansOfType(DashboardCard.class);

        assertThat(cards).isNotEmpty();
        cards.forEach((name, card) -> assertThat(catalog.contains(Permission.parse(card.permission())))
                .as("%s needs %s", name, card.permission())
                .isTrue());
    }
}
