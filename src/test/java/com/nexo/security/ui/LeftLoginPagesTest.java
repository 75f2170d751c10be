package com.nexo.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.ui.AccountListView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

/**
 * A login page's UI does not outlive the login: once the user's first logged-in page starts, the
 * session's UIs that still show the login view are closed; pages doing work are left alone.
 */
class LeftLoginPagesTest extends KaribuTest {

    @Test
    void the_login_page_is_closed_when_the_logged_in_page_starts() {
        UI.getCurrent().navigate(LoginView.class);
        UI loginPage = UI.getCurrent();
        assertThat(loginPage.getCurrentView()).isInstanceOf(LoginView.class);

        login("ventas@demo.nexo");
        UI next = startPage();

        assertThat(loginPage.isClosing()).isTrue();
        assertThat(next.isClosing()).isFalse();
    }

    @Test
    void a_visitor_who_has_not_logged_in_keeps_the_login_page() {
        UI.getCurrent().navigate(LoginView.class);
        UI loginPage = UI.getCurrent();

        startPage();

        assertThat(loginPage.isClosing()).isFalse();
    }

    /** A new page of the same session starting, as Vaadin starts one for a page load. */
    private static UI startPage() {
        UI next = new UI();
        next.getInternals().setSession(VaadinSession.getCurrent());
        VaadinService.getCurrent().fireUIInitListeners(next);
        return next;
    }

    @Test
    void a_login_page_is_closed_and_the_page_that_starts_is_not() {
        UI.getCurrent().navigate(LoginView.class);

        LeftLoginPages.closeLoginPages(VaadinSession.getCurrent(), UI.getCurrent());
        assertThat(UI.getCurrent().isClosing()).isFalse();

        LeftLoginPages.closeLoginPages(VaadinSession.getCurrent(), null);
        assertThat(UI.getCurrent().isClosing()).isTrue();
    }

    @Test
    void a_page_of_the_application_is_never_closed() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate(AccountListView.class);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccountListView.class);

        LeftLoginPages.closeLoginPages(VaadinSession.getCurrent(), null);

        assertThat(UI.getCurrent().isClosing()).isFalse();
    }
}
