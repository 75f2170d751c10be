package com.nexo.security.ui;

import com.nexo.security.AccessRuleException;
import com.nexo.security.operators.NewTenantForm;
import com.nexo.security.operators.TenantProvisioning;
import com.nexo.tenancy.TenantRuleException;
import com.nexo.tenancy.TenantService;
import com.nexo.tenancy.TenantService.TenantSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Map;

/**
 * The operator opens a new tenant with its first administrator. The form says what it can tell on
 * its own; the services refuse a code in use, an e-mail that logs in already or a weak password, and
 * the field concerned says why.
 */
class NewTenantDialog extends Dialog {

    private final transient TenantProvisioning provisioning;
    private final Runnable onCreated;
    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final Select<String> language = new Select<>();
    private final EmailField adminEmail = new EmailField();
    private final TextField adminName = new TextField();
    private final PasswordField adminPassword = new PasswordField();
    private final BeanValidationBinder<NewTenantForm> binder = new BeanValidationBinder<>(NewTenantForm.class);

    NewTenantDialog(TenantProvisioning provisioning, Runnable onCreated) {
        this.provisioning = provisioning;
        this.onCreated = onCreated;
        setHeaderTitle(getTranslation("tenants.new.title"));
        addClassName("new-tenant-dialog");

        code.setLabel(getTranslation("tenants.code"));
        code.setId("tenant-code");
        code.setHelperText(getTranslation("tenants.code.help"));
        name.setLabel(getTranslation("tenants.name"));
        name.setId("tenant-name");
        language.setId("tenant-language");
        language.setLabel(getTranslation("tenants.language"));
        language.setItems(List.copyOf(TenantService.LOCALES).stream().sorted().toList());
        language.setItemLabelGenerator(tag -> getTranslation("language." + tag));
        adminEmail.setLabel(getTranslation("tenants.admin.email"));
        adminEmail.setId("admin-email");
        adminName.setLabel(getTranslation("tenants.admin.name"));
        adminName.setId("admin-name");
        adminPassword.setLabel(getTranslation("tenants.admin.password"));
        adminPassword.setId("admin-password");
        adminPassword.setHelperText(getTranslation("tenants.admin.password.help"));
        adminPassword.setRequiredIndicatorVisible(true);
        binder.forField(code).bind("code");
        binder.forField(name).bind("name");
        binder.forField(language).bind("defaultLocale");
        binder.forField(adminEmail).bind("adminEmail");
        binder.forField(adminName).bind("adminName");
        binder.forField(adminPassword).bind("adminPassword");
        NewTenantForm form = new NewTenantForm();
        form.setDefaultLocale(getLocale().getLanguage().equals("en") ? "en" : "es");
        binder.readBean(form);

        Paragraph adminIntro = new Paragraph(getTranslation("tenants.admin.intro"));
        adminIntro.addClassName("dialog-section");
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        layout.add(code, name, language);
        layout.add(adminIntro, 2);
        layout.add(adminEmail, adminName, adminPassword);
        add(layout);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("tenants.new.save"), click -> create());
        save.setId("create-tenant");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, save);
    }

    @Override
    public void open() {
        super.open();
        code.focus();
    }

    private void create() {
        Feedback.clear(code, name, language, adminEmail, adminName, adminPassword);
        NewTenantForm form = new NewTenantForm();
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the fields
        }
        TenantSummary created;
        try {
            created = provisioning.createTenant(form);
        } catch (TenantRuleException e) {
            refuse(e.messageKey(), getTranslation(e.messageKey()));
            return;
        } catch (AccessRuleException e) {
            refuse(e.messageKey(), getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        Feedback.success(getTranslation("tenants.new.done", created.name(), form.getAdminEmail()));
        onCreated.run();
    }

    /** Marks the field the refusal is about (by the start of its key), or notifies. */
    private void refuse(String key, String message) {
        Map<String, HasValidation> fieldByKey = Map.of(
                "tenants.error.code", code,
                "tenants.error.name", name,
                "tenants.error.locale", language,
                "users.error.email", adminEmail,
                "users.error.name", adminName,
                "password.error", adminPassword);
        fieldByKey.entrySet().stream()
                .filter(entry -> key.startsWith(entry.getKey()))
                .findFirst()
                .ifPresentOrElse(
                        entry -> {
                            entry.getValue().setErrorMessage(message);
                            entry.getValue().setInvalid(true);
                        },
                        () -> Feedback.error(message));
    }
}
