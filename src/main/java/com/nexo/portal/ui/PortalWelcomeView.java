package com.nexo.portal.ui;

import com.nexo.base.ui.Translations;
import com.nexo.portal.invitations.Invitation;
import com.nexo.portal.invitations.PortalInvitations;
import com.nexo.portal.invitations.PortalRuleException;
import com.nexo.security.PasswordPolicy;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;

/**
 * Where an invitation's link leads, without login: the invited contact chooses its password (the
 * password policy applies) and its portal user is created; then it logs in through the login page. A
 * link that was used, replaced by a newer one, ran out or never existed says so, each in its own words.
 */
@Route(value = PortalInvitations.WELCOME_ROUTE + "/:token", autoLayout = false)
@AnonymousAllowed
public class PortalWelcomeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient PortalInvitations invitations;
    private String token = "";

    final H1 title = new H1();
    final Paragraph message = new Paragraph();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button accept = new Button();
    final Anchor login = new Anchor("login", "");
    private final Div form = new Div();

    public PortalWelcomeView(PortalInvitations invitations) {
        this.invitations = invitations;
        addClassName("portal-welcome");
        message.addClassName("portal-welcome-message");
        form.addClassName("portal-welcome-form");
        password.setRequired(true);
        repeat.setRequired(true);
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.addClickListener(click -> accept());
        // The login page is outside the router's reach of this module: a plain link to its address.
        login.getElement().setAttribute("router-ignore", true);
        form.add(password, repeat, accept);
        add(title, message, form, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        Invitation invitation = invitations.check(token);
        if (invitation.language() != null) {
            // The contact's language, as its mail was written in; the user menu changes it later.
            UI.getCurrent().setLocale(Translations.supported(Locale.of(invitation.language())));
        }
        show(invitation);
    }

    private void show(Invitation invitation) {
        password.setLabel(getTranslation("portal.welcome.password"));
        password.setHelperText(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH));
        repeat.setLabel(getTranslation("portal.welcome.repeat"));
        accept.setText(getTranslation("portal.welcome.accept"));
        login.setText(getTranslation("portal.welcome.login"));
        if (invitation.status() == Invitation.Status.VALID) {
            title.setText(getTranslation("portal.welcome.title", invitation.name()));
            message.setText(getTranslation("portal.welcome.text", invitation.email()));
            form.setVisible(true);
            login.setVisible(false);
        } else {
            showEnd(getTranslation("portal.welcome.closed"), statusMessage(invitation.status()));
        }
    }

    private void accept() {
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (password.isEmpty() || !password.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("portal.welcome.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            String email = invitations.accept(token, password.getValue());
            showEnd(getTranslation("portal.welcome.done.title"), getTranslation("portal.welcome.done.text", email));
        } catch (PortalRuleException e) {
            if (e.messageKey().startsWith("portal.welcome.status.")) {
                // Used, replaced or run out since the page opened.
                showEnd(getTranslation("portal.welcome.closed"), getTranslation(e.messageKey()));
            } else {
                // The password policy's or the login name's refusal, at the password.
                password.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
                password.setInvalid(true);
            }
        }
    }

    private String statusMessage(Invitation.Status status) {
        return switch (status) {
            case EXPIRED -> getTranslation("portal.welcome.status.expired");
            case REPLACED -> getTranslation("portal.welcome.status.replaced");
            case USED -> getTranslation("portal.welcome.status.used");
            case UNKNOWN, VALID -> getTranslation("portal.welcome.status.unknown");
        };
    }

    private void showEnd(String heading, String text) {
        title.setText(heading);
        message.setText(text);
        form.setVisible(false);
        password.clear();
        repeat.clear();
        login.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portal.welcome.page-title");
    }
}
