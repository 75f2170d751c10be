package com.nexo.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.fakeservlet.FakeResponse;
import com.nexo.base.ui.Translations;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void renders_the_login_form_in_spanish() {
        openInLanguage(Translations.SPANISH);
        UI.getCurrent().navigate(LoginView.class);

        assertThat(tagline()).isEqualTo("CRM y ERP para tu empresa");
        assertThat(formTexts())
                .contains("\"Iniciar sesión\"", "\"Correo electrónico\"", "\"Contraseña\"", "\"Entrar\"");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Iniciar sesión · NEXO");
    }

    @Test
    void renders_the_login_form_in_english() {
        openInLanguage(Translations.ENGLISH);
        UI.getCurrent().navigate(LoginView.class);

        assertThat(tagline()).isEqualTo("CRM and ERP for your business");
        assertThat(formTexts()).contains("\"Log in\"", "\"E-mail\"", "\"Password\"");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Log in · NEXO");
    }

    @Test
    void a_failed_login_comes_back_with_the_error_shown() {
        // Spring Security sends a failed login back to /login?error.
        UI.getCurrent().navigate(LoginView.class, QueryParameters.fromString("error"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(formTexts()).contains("\"No se ha podido iniciar sesión\"");
    }

    @Test
    void a_first_visit_shows_no_error() {
        UI.getCurrent().navigate(LoginView.class);

        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    @Test
    void offers_both_languages_and_disables_the_current_one() {
        UI.getCurrent().navigate(LoginView.class);

        assertThat(_get(Button.class, spec -> spec.withText("Español")).isEnabled())
                .isFalse();
        assertThat(_get(Button.class, spec -> spec.withText("English")).isEnabled())
                .isTrue();
    }

    @Test
    void choosing_english_shows_the_page_again_in_english() {
        UI.getCurrent().navigate(LoginView.class);

        _click(_get(Button.class, spec -> spec.withText("English")));

        // The choice reloads the page: a new UI, in English.
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Translations.ENGLISH);
        _get(LoginView.class);
        assertThat(tagline()).isEqualTo("CRM and ERP for your business");
        assertThat(_get(Button.class, spec -> spec.withText("English")).isEnabled())
                .isFalse();
    }

    @Test
    void the_language_chosen_on_the_login_page_is_remembered_in_the_browser() {
        UI.getCurrent().navigate(LoginView.class);

        _click(_get(Button.class, spec -> spec.withText("English")));

        FakeResponse response = (FakeResponse) ((VaadinServletResponse) VaadinResponse.getCurrent()).getResponse();
        Cookie cookie = response.findCookie("nexo-lang");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("en");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isPositive();
    }

    @Test
    void a_browser_that_chose_english_before_gets_the_login_page_in_english() {
        FakeRequest request = (FakeRequest) ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        request.addCookie(new Cookie("nexo-lang", "en"));

        UI.getCurrent().getPage().reload();

        assertThat(tagline()).isEqualTo("CRM and ERP for your business");
    }

    private static String tagline() {
        return _get(Div.class, spec -> spec.withClasses("login-tagline")).getText();
    }

    /** The form's texts travel to the browser as the web component's {@code i18n} property (JSON). */
    private static String formTexts() {
        return String.valueOf(_get(LoginForm.class).getElement().getPropertyRaw("i18n"));
    }
}
