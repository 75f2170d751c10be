package com.nexo.security.ui;

import com.nexo.base.ui.Format;
import com.nexo.security.AccessRuleException;
import com.nexo.security.PasswordPolicy;
import com.nexo.security.roles.RoleService.RoleSummary;
import com.nexo.security.sessions.SessionService;
import com.nexo.security.users.UserAdministration;
import com.nexo.security.users.UserForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Changes a user's name, access and roles, and sets a new password for it. Saves only over the
 * version it loaded: when someone else saved the user in between, says so and keeps what was typed.
 */
class UserEditDialog extends Dialog {

    private final transient UserAdministration users;
    private final transient SessionService sessions;
    private final Runnable onSaved;
    private UserForm loaded;

    private final Paragraph problem = new Paragraph();
    private final TextField name = new TextField();
    private final Checkbox enabled = new Checkbox();
    private final MultiSelectComboBox<RoleSummary> roles = new MultiSelectComboBox<>();
    private final PasswordField newPassword = new PasswordField();
    private final BeanValidationBinder<UserForm> binder = new BeanValidationBinder<>(UserForm.class);

    UserEditDialog(
            UserAdministration users,
            SessionService sessions,
            UserForm user,
            List<RoleSummary> roleChoices,
            Runnable onSaved) {
        this.users = users;
        this.sessions = sessions;
        this.onSaved = onSaved;
        this.loaded = user;
        setHeaderTitle(getTranslation("users.edit.title", user.getEmail()));
        setWidth("40rem");
        setMaxWidth("100%");

        problem.addClassName("form-problem");
        problem.setVisible(false);
        String actor = getTranslation("actor." + user.getActorType().dbValue());
        Paragraph who = new Paragraph(
                user.getLastLoginAt() == null
                        ? getTranslation("users.edit.who-never", actor)
                        : getTranslation("users.edit.who", actor, Format.dateTime(user.getLastLoginAt())));
        who.addClassName("form-note");

        name.setLabel(getTranslation("users.field.name"));
        name.setRequiredIndicatorVisible(true);
        enabled.setLabel(getTranslation("users.field.enabled"));
        roles.setLabel(getTranslation("users.field.roles"));
        roles.setItems(RoleNames.sorted(this, roleChoices));
        roles.setItemLabelGenerator(role -> RoleNames.of(this, role));
        binder.forField(name).bind("displayName");
        binder.forField(enabled).bind("enabled");
        binder.forField(roles)
                .withConverter(
                        (Set<RoleSummary> chosen) ->
                                chosen.stream().map(RoleSummary::id).collect(Collectors.toSet()),
                        (Set<UUID> ids) -> roleChoices.stream()
                                .filter(role -> ids.contains(role.id()))
                                .collect(Collectors.toSet()))
                .bind("roleIds");
        binder.readBean(user);

        FormLayout form = new FormLayout(name, enabled, roles);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        form.setColspan(roles, 2);
        add(problem, who, form, passwordReset());

        Button activeSessions = new Button(
                getTranslation("sessions.open"),
                click -> new UserSessionsDialog(this.sessions, loaded.getId(), loaded.getEmail()).open());
        activeSessions.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        activeSessions.addClassName("footer-start");
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(activeSessions, cancel, save);
    }

    private Details passwordReset() {
        newPassword.setLabel(getTranslation("users.reset.password"));
        newPassword.setHelperText(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH));
        Button reset = new Button(getTranslation("users.reset.submit"), click -> resetPassword());
        reset.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        Div row = new Div(newPassword, reset);
        row.addClassName("password-reset");
        return new Details(getTranslation("users.reset.title"), row);
    }

    private void save() {
        Feedback.clear(name, roles);
        problem.setVisible(false);
        // A copy of the loaded form (its id and the version the edit started from) takes the fields.
        UserForm form = loaded.copy();
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the fields
        }
        try {
            users.update(form);
        } catch (OptimisticLockingFailureException e) {
            showProblem(getTranslation("error.concurrent-edit"));
            return;
        } catch (AccessRuleException e) {
            Feedback.show(this, e, Map.<String, HasValidation>of("users.error.name", name, "roles.", roles));
            return;
        }
        close();
        Feedback.success(getTranslation("users.saved", form.getDisplayName().strip()));
        onSaved.run();
    }

    private void resetPassword() {
        Feedback.clear(newPassword);
        UserForm now;
        try {
            now = users.resetPassword(loaded.getId(), newPassword.getValue());
        } catch (AccessRuleException e) {
            Feedback.show(this, e, Map.of("password.error.", newPassword));
            return;
        }
        newPassword.clear();
        Feedback.success(getTranslation("users.reset.done", loaded.getEmail()));
        // The reset wrote the user's row, so its version moved on. Take the new one only when nobody
        // changed what this form edits; otherwise saving must still report their change.
        if (now.sameEditableState(loaded)) {
            loaded = now;
        }
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }
}
