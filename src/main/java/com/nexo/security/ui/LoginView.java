package com.nexo.security.ui;

import com.nexo.base.ui.LanguageChoice;
import com.nexo.base.ui.Translations;
import com.nexo.security.login.LoginThrottledException;
import com.nexo.security.sso.SingleSignOnProviders;
import com.nexo.security.sso.SingleSignOnRefusedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * The login page: e-mail and password, and a link per single sign-on provider when the installation
 * has any, in the browser's or the chosen language.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public LoginView(SingleSignOnProviders singleSignOn) {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(loginTexts());
        // LoginI18n has no text for the password field's eye button: its screen-reader label stayed
        // "Show password" in every language.
        form.getElement().executeJs("""
                        Promise.resolve(this.updateComplete).then(() => {
                          const password = this.querySelector('vaadin-password-field');
                          if (password) password.i18n = { ...password.i18n, reveal: $0 };
                        });
                        """, getTranslation("login.show-password"));

        Div brand = new Div();
        brand.addClassName("login-brand");
        brand.add(new Div(getTranslation("app.name")));
        Div tagline = new Div(getTranslation("login.tagline"));
        tagline.addClassName("login-tagline");
        brand.add(tagline);

        Div languages = new Div();
        languages.addClassName("login-languages");
        for (Locale locale : Translations.SUPPORTED) {
            Button choose = new Button(getTranslation("language." + locale.getLanguage()));
            choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            choose.getElement().setAttribute("lang", locale.getLanguage());
            choose.setEnabled(!locale.getLanguage().equals(getLocale().getLanguage()));
            choose.addClickListener(click -> LanguageChoice.choose(locale));
            languages.add(choose);
        }

        Div card = new Div(brand, form);
        if (singleSignOn.any()) {
            card.add(singleSignOnLinks(singleSignOn));
        }
        card.add(languages);
        card.addClassName("login-card");
        add(card);
    }

    /**
     * One link per configured provider. Sign-on starts outside Vaadin's router (a full page load that
     * Spring Security answers with a redirect to the provider).
     */
    private Div singleSignOnLinks(SingleSignOnProviders singleSignOn) {
        Div or = new Div(getTranslation("login.sso.or"));
        or.addClassName("login-sso-or");
        Div links = new Div(or);
        links.addClassName("login-sso");
        for (SingleSignOnProviders.Provider provider : singleSignOn.all()) {
            Anchor link = new Anchor(provider.startPath(), getTranslation("login.sso.button", provider.name()));
            link.setRouterIgnore(true);
            link.addClassName("login-sso-button");
            links.add(link);
        }
        return links;
    }

    private LoginI18n loginTexts() {
        LoginI18n texts = LoginI18n.createDefault();
        LoginI18n.Form formTexts = texts.getForm();
        formTexts.setTitle(getTranslation("login.title"));
        formTexts.setUsername(getTranslation("login.email"));
        formTexts.setPassword(getTranslation("login.password"));
        formTexts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = texts.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.email-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        return texts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Spring Security sends a failed login back to /login?error and keeps the reason in the session.
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        LoginI18n texts = loginTexts();
        Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LoginThrottledException locked) {
            texts.getErrorMessage().setTitle(getTranslation("login.error.locked.title"));
            texts.getErrorMessage().setMessage(getTranslation("login.error.locked.message", locked.waitMinutes()));
        } else if (failure instanceof SingleSignOnRefusedException
                || failure instanceof OAuth2AuthenticationException) {
            // One message for every refused sign-on: it must not tell whether an account exists.
            texts.getErrorMessage().setTitle(getTranslation("login.error.sso.title"));
            texts.getErrorMessage().setMessage(getTranslation("login.error.sso.message"));
        } else if (failure instanceof DisabledException) {
            texts.getErrorMessage().setTitle(getTranslation("login.error.disabled.title"));
            texts.getErrorMessage().setMessage(getTranslation("login.error.disabled.message"));
        }
        form.setI18n(texts);
        form.setError(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
