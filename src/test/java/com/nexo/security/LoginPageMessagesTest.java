package com.nexo.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.Translations;
import com.nexo.security.login.LoginHardeningTest;
import com.nexo.security.login.LoginThrottledException;
import com.nexo.security.ui.LoginView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;

/**
 * What the login page says after each kind of failed login: Spring Security redirects to
 * {@code /login?error} and leaves the reason in the session, where {@link LoginView} reads it. (The
 * reasons themselves come from the real HTTP login in {@link LoginHardeningTest}.)
 */
class LoginPageMessagesTest extends KaribuTest {

    @Test
    void a_locked_login_says_so_with_the_wait_in_minutes() {
        String texts = loginPageAfter(new LoginThrottledException(61), Translations.ENGLISH);

        assertThat(texts).contains("\"Too many failed attempts\"").contains("Try again in 2 minutes.");
    }

    @Test
    void a_locked_login_says_so_in_spanish_too() {
        String texts = loginPageAfter(new LoginThrottledException(30), Translations.SPANISH);

        assertThat(texts).contains("\"Demasiados intentos fallidos\"").contains("dentro de 1 minuto.");
    }

    @Test
    void a_disabled_account_with_the_right_password_is_told_it_is_disabled() {
        String texts = loginPageAfter(new DisabledException("Account disabled"), Translations.ENGLISH);

        assertThat(texts).contains("\"Account disabled\"").doesNotContain("Too many failed attempts");
    }

    @Test
    void a_wrong_password_gets_the_general_message_that_tells_nothing_about_the_account() {
        String texts = loginPageAfter(new BadCredentialsException("Bad credentials"), Translations.ENGLISH);

        assertThat(texts)
                .contains("\"Could not log you in\"", "Check your e-mail and password and try again.")
                .doesNotContain("disabled", "Too many");
    }

    private String loginPageAfter(Exception failure, java.util.Locale locale) {
        openInLanguage(locale);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);

        UI.getCurrent().navigate(LoginView.class, QueryParameters.fromString("error"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
