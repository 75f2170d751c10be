package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.security.HttpVisitor;
import com.nexo.security.UserService;
import com.nexo.security.sessions.SessionService;
import com.nexo.security.sessions.SessionService.ActiveSession;
import com.nexo.security.users.UserList.UserRow;
import com.nexo.testing.KaribuTest;
import com.nexo.testing.TestRedis;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

class UserSessionsDialogTest extends KaribuTest {

    @Autowired
    private UserService users;

    @Autowired
    private SessionService sessions;

    @LocalServerPort
    private int port;

    private String email;
    private UUID userId;

    @BeforeEach
    void aUserWithTwoSessions() {
        login("admin@demo.nexo");
        email = AdminFixtures.uniqueEmail("sesiones");
        userId = AdminFixtures.createEmployee(users, email, "Dos Sesiones", "read-only");
    }

    @Test
    void an_administrator_sees_a_users_sessions_and_ends_one_and_then_all() {
        HttpVisitor office = loggedIn();
        HttpVisitor home = loggedIn();
        UserSessionsDialog dialog = openSessions();

        Grid<ActiveSession> grid = sessionGrid(dialog);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("127.0.0.1");
        assertThat(GridKt._get(grid, 0).node()).isNotBlank();

        _click((Button) GridKt._getCellComponent(grid, 0, "end"));
        expectNotifications("Sesión cerrada en todos los servidores.");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(office.status("/") + home.status("/"))
                .as("one of the two sessions was ended")
                .isEqualTo(200 + 302);

        _click(_get(dialog, Button.class, spec -> spec.withText("Finalizar todas las sesiones")));
        expectNotifications("Se han cerrado todas las sesiones de " + email + ".");
        assertThat(GridKt._size(grid)).isZero();
        assertThat(office.status("/")).isEqualTo(302);
        assertThat(home.status("/")).isEqualTo(302);
    }

    @Test
    void without_the_permission_to_read_users_nobody_sees_sessions() {
        loggedIn();
        switchUser("consulta@demo.nexo");

        assertThatThrownBy(() -> sessions.listSessions(userId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.endAllSessions(userId)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void while_the_session_store_is_unreachable_the_dialog_says_so_and_changes_nothing() {
        loggedIn();
        TestRedis.stop();
        try {
            UserSessionsDialog dialog = openSessions();
            expectNotifications(
                    "El almacén de sesiones no responde en este momento. No se ha cambiado nada; vuelve a intentarlo en unos instantes.");
            assertThat(GridKt._size(sessionGrid(dialog))).isZero();
        } finally {
            TestRedis.start();
        }
    }

    private HttpVisitor loggedIn() {
        HttpVisitor visitor = new HttpVisitor(port);
        assertThat(visitor.logIn(email, AdminFixtures.PASSWORD)).isTrue();
        assertThat(visitor.status("/")).isEqualTo(200);
        return visitor;
    }

    private UserSessionsDialog openSessions() {
        UI.getCurrent().navigate(UsersView.class);
        _get(TextField.class, spec -> spec.withPlaceholder("Buscar por nombre o correo"))
                .setValue(email);
        @SuppressWarnings("unchecked")
        Grid<UserRow> list = _get(Grid.class);
        GridKt._selectRow(list, 0);
        UserEditDialog edit = _get(UserEditDialog.class);
        _click(_get(edit, Button.class, spec -> spec.withText("Sesiones activas")));
        return _get(UserSessionsDialog.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<ActiveSession> sessionGrid(UserSessionsDialog dialog) {
        return _get(dialog, Grid.class);
    }
}
