package com.nexo.security.ui;

import com.nexo.security.AccessPermissions;
import com.nexo.security.AccessRuleException;
import com.nexo.security.CurrentUser;
import com.nexo.security.sso.SignOnForm;
import com.nexo.security.sso.SingleSignOnSettings;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * The tenant's single sign-on settings: whether a first sign-on of someone of the tenant's e-mail
 * domain creates a user. Shown to whoever may read users; changed by whoever may create and edit them.
 */
@Route("admin/single-sign-on")
@RolesAllowed(AccessPermissions.USERS_READ)
@Menu(title = "menu.admin-sso", order = 93, icon = "vaadin:sign-in")
public class SingleSignOnView extends Main implements HasDynamicTitle {

    private final transient SingleSignOnSettings settings;
    private final Checkbox autoCreate = new Checkbox();
    private final TextField domain = new TextField();
    private final Button save = new Button();
    private final BeanValidationBinder<SignOnForm> binder = new BeanValidationBinder<>(SignOnForm.class);

    SingleSignOnView(SingleSignOnSettings settings) {
        this.settings = settings;
        addClassName("settings-view");

        Paragraph intro = new Paragraph(getTranslation("sso.intro"));
        intro.addClassName("settings-intro");

        SingleSignOnSettings.Settings current = settings.current();
        Div notConfigured = new Div(getTranslation("sso.not-configured"));
        notConfigured.addClassName("settings-note");
        notConfigured.setVisible(!current.providersConfigured());

        autoCreate.setLabel(getTranslation("sso.auto-create"));
        autoCreate.setHelperText(getTranslation("sso.auto-create.help"));
        domain.setLabel(getTranslation("sso.domain"));
        domain.setHelperText(getTranslation("sso.domain.help"));
        domain.setPlaceholder(getTranslation("sso.domain.placeholder"));
        domain.setMaxLength(SingleSignOnSettings.MAX_DOMAIN_LENGTH);
        domain.setClearButtonVisible(true);
        binder.forField(autoCreate).bind("autoCreate");
        binder.forField(domain).bind("allowedDomain");
        binder.readBean(SignOnForm.of(current));

        boolean mayChange =
                CurrentUser.can(AccessPermissions.USERS_EDIT) && CurrentUser.can(AccessPermissions.USERS_CREATE);
        autoCreate.setReadOnly(!mayChange);
        domain.setReadOnly(!mayChange);
        save.setText(getTranslation("sso.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setVisible(mayChange);

        Div form = new Div(autoCreate, domain, save);
        form.addClassName("settings-form");
        add(intro, notConfigured, form);
    }

    private void save() {
        Feedback.clear(domain);
        SignOnForm form = new SignOnForm();
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the field
        }
        try {
            binder.readBean(SignOnForm.of(settings.change(form)));
        } catch (AccessRuleException e) {
            Feedback.show(this, e, Map.of("sso.error.domain", domain));
            return;
        }
        Feedback.success(getTranslation("sso.saved"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sso.title");
    }
}
