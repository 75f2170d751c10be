package com.nexo.security.sso;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.Translations;
import com.nexo.security.ui.LoginView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.WebAttributes;

/**
 * The login page with single sign-on: one link per configured provider (the test context configures
 * one, "Test IdP"), none without providers, and one message for every refused sign-on.
 */
class SingleSignOnPageTest extends KaribuTest {

    @Test
    void the_login_page_offers_the_configured_provider_in_spanish() {
        openInLanguage(Translations.SPANISH);
        UI.getCurrent().navigate(LoginView.class);

        Anchor link = _get(Anchor.class, spec -> spec.withClasses("login-sso-button"));
        assertThat(link.getText()).isEqualTo("Entrar con Test IdP");
        assertThat(link.getHref()).isEqualTo("oauth2/authorization/test-idp");
        // A full page load: Spring Security, not Vaadin's router, answers this address.
        assertThat(link.isRouterIgnore()).isTrue();
        // The password form is still there.
        _get(LoginForm.class);
    }

    @Test
    void the_login_page_offers_the_configured_provider_in_english() {
        openInLanguage(Translations.ENGLISH);
        UI.getCurrent().navigate(LoginView.class);

        assertThat(_get(Anchor.class, spec -> spec.withClasses("login-sso-button"))
                        .getText())
                .isEqualTo("Sign in with Test IdP");
    }

    @Test
    void without_providers_the_login_page_has_no_single_sign_on_link() {
        SingleSignOnProviders none = new SingleSignOnProviders((InMemoryClientRegistrationRepository) null);
        assertThat(none.any()).isFalse();
        assertThat(none.all()).isEmpty();

        LoginView page = new LoginView(none);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(page);

        assertThat(_find(page, Anchor.class)).isEmpty();
        _get(page, LoginForm.class);
    }

    @Test
    void only_openid_connect_registrations_are_offered_by_name() {
        SingleSignOnProviders providers = new SingleSignOnProviders(new InMemoryClientRegistrationRepository(
                registration("zeta", "Zeta Keycloak", "openid", "email"),
                registration("plain", "Plain OAuth 2", "read:user"),
                registration("entra", "Microsoft", "openid", "profile", "email")));

        assertThat(providers.all())
                .extracting(SingleSignOnProviders.Provider::registrationId)
                .containsExactly("entra", "zeta");
        assertThat(providers.all().getFirst().startPath()).isEqualTo("oauth2/authorization/entra");
    }

    @Test
    void a_refused_sign_on_gets_one_message_that_tells_nothing_about_the_account() {
        String texts = loginPageAfter(new SingleSignOnRefusedException("unknown-user"), Translations.ENGLISH);

        assertThat(texts)
                .contains("\"Single sign-on did not log you in\"", "Make sure its e-mail address is verified")
                .doesNotContain("disabled", "Too many", "Check your e-mail and password");
    }

    @Test
    void a_refused_sign_on_says_so_in_spanish_too() {
        String texts = loginPageAfter(new SingleSignOnRefusedException("unverified-email"), Translations.SPANISH);

        assertThat(texts).contains("\"El inicio de sesión único no te ha dejado entrar\"");
    }

    @Test
    void a_sign_on_that_failed_at_the_protocol_level_gets_the_same_message() {
        String texts = loginPageAfter(
                new OAuth2AuthenticationException(new OAuth2Error("authorization_request_not_found")),
                Translations.ENGLISH);

        assertThat(texts).contains("\"Single sign-on did not log you in\"");
    }

    private static ClientRegistration registration(String id, String name, String... scopes) {
        return ClientRegistration.withRegistrationId(id)
                .clientName(name)
                .clientId("nexo")
                .clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(scopes)
                .authorizationUri("https://idp.example/authorize")
                .tokenUri("https://idp.example/token")
                .jwkSetUri("https://idp.example/jwks")
                .userNameAttributeName("sub")
                .build();
    }

    private String loginPageAfter(Exception failure, Locale locale) {
        openInLanguage(locale);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);

        UI.getCurrent().navigate(LoginView.class, QueryParameters.fromString("error"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
