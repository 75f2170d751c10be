package com.nexo.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.portal.invitations.InvitationFixtures;
import com.nexo.portal.invitations.InvitationFixtures.Contact;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The welcome page an invitation's link opens, without login: a valid link asks for the password and
 * activates the access; a used, replaced, expired or unknown link each says so in its own words.
 */
class PortalWelcomeViewTest extends KaribuTest {

    private InvitationFixtures fixtures;
    private Contact contact;

    @BeforeEach
    void aContactOfAClient() {
        fixtures = new InvitationFixtures(context);
        contact = fixtures.contact("Berta Bienvenida");
        logout();
    }

    @Test
    void a_valid_link_asks_for_the_password_twice_and_activates_the_access() {
        String token = fixtures.invitation(contact, Instant.now().plus(Duration.ofHours(72)), false);
        PortalWelcomeView view = open(token);
        assertThat(view.title.getText()).isEqualTo("Bienvenido, Berta Bienvenida");
        assertThat(view.message.getText()).contains(contact.email());
        assertThat(view.login.isVisible()).isFalse();

        view.password.setValue("Bienvenida-2026-x");
        view.repeat.setValue("Bienvenida-2026-y");
        _click(view.accept);
        assertThat(view.repeat.isInvalid()).isTrue();
        assertThat(view.repeat.getErrorMessage()).isEqualTo("Las dos contraseñas no coinciden.");

        view.password.setValue("corta");
        view.repeat.setValue("corta");
        _click(view.accept);
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isNotBlank().doesNotContain("password.");

        view.password.setValue("Bienvenida-2026-x");
        view.repeat.setValue("Bienvenida-2026-x");
        _click(view.accept);
        assertThat(view.title.getText()).isEqualTo("Tu acceso está listo");
        assertThat(view.message.getText()).contains(contact.email());
        assertThat(view.login.isVisible()).isTrue();
        assertThat(context.getBean(UserDetailsService.class)
                        .loadUserByUsername(contact.email())
                        .isEnabled())
                .isTrue();

        PortalWelcomeView again = open(token);
        assertThat(again.message.getText())
                .isEqualTo("Esta invitación ya se usó. Entra con tu dirección de correo y tu contraseña.");
    }

    @Test
    void an_expired_link_says_it_expired() {
        String token = fixtures.invitation(contact, Instant.now().minus(Duration.ofMinutes(1)), false);

        PortalWelcomeView view = open(token);

        assertThat(view.title.getText()).isEqualTo("Este enlace no se puede usar");
        assertThat(view.message.getText()).startsWith("Esta invitación ha caducado.");
        assertThat(view.password.isVisible()
                        && view.password.getParent().orElseThrow().isVisible())
                .isFalse();
    }

    @Test
    void a_replaced_link_points_to_the_latest_mail() {
        String token = fixtures.invitation(contact, Instant.now().plus(Duration.ofHours(1)), true);

        assertThat(open(token).message.getText()).startsWith("Se te envió una invitación más reciente");
    }

    @Test
    void an_unknown_or_mangled_link_is_not_valid() {
        assertThat(open(InvitationFixtures.unknownToken()).message.getText()).startsWith("Este enlace no es válido.");
        assertThat(open("abc").message.getText()).startsWith("Este enlace no es válido.");
    }

    private static PortalWelcomeView open(String token) {
        UI.getCurrent().navigate("portal-welcome/" + token);
        return _get(PortalWelcomeView.class);
    }
}
