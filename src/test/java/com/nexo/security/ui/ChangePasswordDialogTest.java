package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.events.SecurityEventList;
import com.nexo.security.events.SecurityEventList.EventQuery;
import com.nexo.security.events.SecurityEventList.SecurityEvent;
import com.nexo.security.events.SecurityEventLog;
import com.nexo.security.events.SecurityEventType;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** "Change password" in the user menu, for employees and portal users alike. */
class ChangePasswordDialogTest extends KaribuTest {

    private static final String NEW_PASSWORD = "Otra-Clave-2026";

    @Autowired
    private UserService users;

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private SecurityEventLog events;

    @Autowired
    private SecurityEventList eventList;

    @Test
    void a_wrong_current_password_is_shown_next_to_it() {
        ChangePasswordDialog dialog = openAsNewEmployee(AdminFixtures.uniqueEmail("actual"));

        fill(dialog, "no-es-la-mia-1", NEW_PASSWORD, NEW_PASSWORD);

        PasswordField current = field(dialog, "Contraseña actual");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("La contraseña actual no es correcta.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void the_new_password_must_be_repeated_exactly_and_follow_the_policy() {
        ChangePasswordDialog dialog = openAsNewEmployee(AdminFixtures.uniqueEmail("repite"));

        fill(dialog, AdminFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertThat(field(dialog, "Repite la contraseña nueva").getErrorMessage())
                .isEqualTo("Las dos contraseñas nuevas no coinciden.");

        fill(dialog, AdminFixtures.PASSWORD, "1234567890", "1234567890");
        assertThat(field(dialog, "Contraseña nueva").getErrorMessage())
                .isEqualTo("Combina letras con números o símbolos.");
        assertThat(field(dialog, "Repite la contraseña nueva").isInvalid()).isFalse();
    }

    @Test
    void an_employee_changes_their_password() {
        String email = AdminFixtures.uniqueEmail("cambia");
        ChangePasswordDialog dialog = openAsNewEmployee(email);

        fill(dialog, AdminFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Tu contraseña se ha cambiado.");
        assertThat(passwords.matches(
                        NEW_PASSWORD, userDetails.loadUserByUsername(email).getPassword()))
                .isTrue();
    }

    @Test
    void a_portal_user_changes_their_password_too() {
        login("admin@demo.nexo");
        String email = AdminFixtures.uniqueEmail("portal");
        users.createUser(new NewUser(
                email, "Cliente Portal", ActorType.CLIENT, UUID.randomUUID(), Set.of(), AdminFixtures.PASSWORD, null));
        ChangePasswordDialog dialog = openAs(email);

        fill(dialog, AdminFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        expectNotifications("Tu contraseña se ha cambiado.");
        assertThat(passwords.matches(
                        NEW_PASSWORD, userDetails.loadUserByUsername(email).getPassword()))
                .isTrue();
        // The security log, which portal users cannot write themselves, has it too.
        login("admin@demo.nexo");
        assertThat(eventList
                        .page(new EventQuery(SecurityEventType.PASSWORD_CHANGED, null), null, 20)
                        .rows())
                .extracting(SecurityEvent::email)
                .contains(email);
    }

    private ChangePasswordDialog openAsNewEmployee(String email) {
        login("admin@demo.nexo");
        AdminFixtures.createEmployee(users, email, "Cambia Contraseñas", "read-only");
        return openAs(email);
    }

    private ChangePasswordDialog openAs(String email) {
        login(email);
        UI.getCurrent().navigate(DashboardView.class);
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class), "Cambiar contraseña");
        return _get(ChangePasswordDialog.class);
    }

    private static void fill(ChangePasswordDialog dialog, String current, String chosen, String repeated) {
        field(dialog, "Contraseña actual").setValue(current);
        field(dialog, "Contraseña nueva").setValue(chosen);
        field(dialog, "Repite la contraseña nueva").setValue(repeated);
        _click(_get(dialog, Button.class, spec -> spec.withText("Cambiar contraseña")));
    }

    private static PasswordField field(ChangePasswordDialog dialog, String label) {
        return _get(dialog, PasswordField.class, spec -> spec.withLabel(label));
    }
}
