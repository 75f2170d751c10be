package com.nexo.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.ui.LoginView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.Test;

class DashboardViewTest extends KaribuTest {

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
}
