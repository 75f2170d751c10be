package com.nexo.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributools.NotificationsKt;
import com.nexo.base.ui.Translations;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

class ErrorViewsTest extends KaribuTest {

    /** What a stack trace or exception text would leave in a message; none of it may reach a user. */
    private static final String SECRET = "secret-internal-detail";

    @Test
    void an_unknown_address_shows_the_not_found_page_in_spanish() {
        login("admin@demo.nexo");
        openAddress("no-such-page");

        _get(NotFoundView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Página no encontrada");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Página no encontrada");
    }

    @Test
    void an_unknown_address_shows_the_not_found_page_in_english() {
        login("profesional@demo.nexo");
        UI.getCurrent().setLocale(Translations.ENGLISH);
        openAddress("no-such-page");

        _get(NotFoundView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Page not found");
    }

    @Test
    void an_anonymous_visitor_of_an_unknown_address_sees_the_not_found_page_without_the_application_frame() {
        openAddress("no-such-page");

        _get(NotFoundView.class);
        // The frame needs a logged-in user: building it for a stranger would fail.
        _assertNone(MainLayout.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Página no encontrada");
    }

    @Test
    void a_page_that_fails_while_opening_shows_an_incident_number_and_no_details() {
        login("admin@demo.nexo");
        RouteConfiguration.forSessionScope().setRoute("failing-page", FailingPage.class);

        UI.getCurrent().navigate("failing-page");

        UnexpectedErrorView page = _get(UnexpectedErrorView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Algo ha fallado");
        assertThat(page.getElement().getTextRecursively())
                .containsPattern("número de incidencia [0-9A-F]{8}")
                .doesNotContain(SECRET, "Exception", "at com.");
    }

    @Test
    void an_unexpected_error_after_opening_a_page_shows_a_localized_notification_with_an_incident_number() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        failInThisSession(new IllegalStateException(SECRET));

        String text = onlyNotificationText();
        assertThat(text)
                .startsWith("No se ha podido hacer y no se ha cambiado nada.")
                .containsPattern("número de incidencia [0-9A-F]{8}\\.$")
                .doesNotContain(SECRET, "IllegalStateException", "Exception", "at com.", "\n");
    }

    @Test
    void the_unexpected_error_notification_speaks_english_to_an_english_user() {
        login("profesional@demo.nexo");
        UI.getCurrent().setLocale(Translations.ENGLISH);
        UI.getCurrent().navigate(DashboardView.class);

        failInThisSession(new RuntimeException(SECRET));

        assertThat(onlyNotificationText())
                .startsWith("That did not work, and nothing was changed.")
                .containsPattern("incident number [0-9A-F]{8}\\.$")
                .doesNotContain(SECRET);
    }

    @Test
    void access_denied_shows_the_permission_message() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        failInThisSession(new AccessDeniedException(SECRET));

        expectNotifications("No tienes permiso para hacer eso.");
    }

    @Test
    void access_denied_is_recognised_when_wrapped_in_another_exception() {
        login("ventas@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        failInThisSession(new IllegalStateException("wrapper", new AccessDeniedException(SECRET)));

        expectNotifications("No tienes permiso para hacer eso.");
    }

    @Test
    void a_concurrent_edit_shows_the_reload_message() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        failInThisSession(new OptimisticLockingFailureException(SECRET));

        expectNotifications("Otra persona ha guardado este registro mientras lo editabas."
                + " No se ha sobrescrito nada: vuelve a cargarlo para ver sus cambios.");
    }

    @Test
    void a_browser_that_closed_the_connection_gets_no_notification_and_no_incident() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        failInThisSession(new UncheckedIOException(new ClientAbortException(new IOException("Broken pipe"))));

        expectNotifications();
        assertThat(ErrorHandling.clientWentAway(new IllegalStateException(SECRET)))
                .isFalse();
    }

    /**
     * Opens an address as a browser that loads it does. {@code UI.navigate(String)} is not the same:
     * with Vaadin's React router on, it hands an address no server route matches to the client
     * router, which Karibu does not run, so nothing would happen.
     */
    private static void openAddress(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }

    /** Goes through the handler the session really has, which proves it was installed. */
    private static void failInThisSession(Throwable error) {
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(error));
    }

    private static String onlyNotificationText() {
        List<Notification> notifications = getNotifications();
        assertThat(notifications).hasSize(1);
        return NotificationsKt.getText(notifications.getFirst());
    }

    /** A page whose constructor fails, registered for one test's session only. */
    @PermitAll
    public static class FailingPage extends Div {
        public FailingPage() {
            throw new IllegalStateException(SECRET + " at com.nexo.Secret.method(Secret.java:1)");
        }
    }
}
