package com.nexo.security.ui;

import com.nexo.security.AccessRuleException;
import com.nexo.security.PasswordPolicy;
import com.nexo.security.UserService;
import com.nexo.security.roles.RoleService.RoleSummary;
import com.nexo.security.users.NewUserForm;
import com.nexo.tenancy.ActorType;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Creates an employee who logs in to the back office, with an initial password and roles. */
class NewUserDialog extends Dialog {

    private final transient UserService users;
    private final Runnable onCreated;
    private final EmailField email = new EmailField();
    private final TextField name = new TextField();
    private final Select<ActorType> actorType = new Select<>();
    private final PasswordField password = new PasswordField();
    private final MultiSelectComboBox<RoleSummary> roles = new MultiSelectComboBox<>();
    private final BeanValidationBinder<NewUserForm> binder = new BeanValidationBinder<>(NewUserForm.class);

    NewUserDialog(UserService users, List<RoleSummary> roleChoices, Runnable onCreated) {
        this.users = users;
        this.onCreated = onCreated;
        setHeaderTitle(getTranslation("users.create.title"));
        setWidth("40rem");
        setMaxWidth("100%");

        email.setLabel(getTranslation("users.field.email"));
        name.setLabel(getTranslation("users.field.name"));
        // Portal users (clients, suppliers, professionals) belong to an account: they will be invited
        // from the accounts module, so this form creates employees only.
        actorType.setLabel(getTranslation("users.field.actor"));
        actorType.setItems(ActorType.EMPLOYEE);
        actorType.setItemLabelGenerator(type -> getTranslation("actor." + type.dbValue()));
        actorType.setValue(ActorType.EMPLOYEE);
        actorType.setReadOnly(true);
        actorType.setHelperText(getTranslation("users.field.actor.note"));
        password.setLabel(getTranslation("users.field.initial-password"));
        password.setHelperText(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH));
        roles.setLabel(getTranslation("users.field.roles"));
        roles.setItems(RoleNames.sorted(this, roleChoices));
        roles.setItemLabelGenerator(role -> RoleNames.of(this, role));

        password.setRequiredIndicatorVisible(true);
        binder.forField(email).bind("email");
        binder.forField(name).bind("displayName");
        binder.forField(password).bind("password");
        binder.forField(roles)
                .withConverter(
                        (Set<RoleSummary> chosen) ->
                                chosen.stream().map(RoleSummary::code).collect(Collectors.toSet()),
                        (Set<String> codes) -> roleChoices.stream()
                                .filter(role -> codes.contains(role.code()))
                                .collect(Collectors.toSet()))
                .bind("roleCodes");
        binder.readBean(new NewUserForm());

        FormLayout form = new FormLayout(email, name, actorType, password, roles);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        form.setColspan(roles, 2);
        add(form);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button create = new Button(getTranslation("users.create.submit"), click -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, create);
    }

    private void create() {
        Feedback.clear(email, name, password, roles);
        NewUserForm form = new NewUserForm();
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the fields
        }
        try {
            users.createUser(form.toNewUser());
        } catch (AccessRuleException e) {
            Feedback.show(this, e, fieldsByRule());
            return;
        }
        close();
        Feedback.success(getTranslation("users.created", form.getEmail().strip()));
        onCreated.run();
    }

    private Map<String, HasValidation> fieldsByRule() {
        return Map.of(
                "users.error.email", email, "users.error.name", name, "password.error.", password, "roles.", roles);
    }
}
