package com.nexo.security.ui;

import com.nexo.security.AccessRuleException;
import com.nexo.security.PasswordPolicy;
import com.nexo.security.UserService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** The logged-in user changes its own password, proving the current one first. Opened from the user menu. */
@NamedInterface("password-dialog")
public class ChangePasswordDialog extends Dialog {

    private final transient UserService users;
    private final PasswordField current = new PasswordField();
    private final PasswordField chosen = new PasswordField();
    private final PasswordField repeated = new PasswordField();

    public ChangePasswordDialog(UserService users) {
        this.users = users;
        setHeaderTitle(getTranslation("password.change.title"));
        setWidth("26rem");
        setMaxWidth("100%");
        current.setLabel(getTranslation("password.change.current"));
        chosen.setLabel(getTranslation("password.change.new"));
        chosen.setHelperText(getTranslation("password.policy", PasswordPolicy.MIN_LENGTH));
        repeated.setLabel(getTranslation("password.change.repeat"));
        FormLayout form = new FormLayout(current, chosen, repeated);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button change = new Button(getTranslation("password.change.submit"), click -> change());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, change);
    }

    private void change() {
        Feedback.clear(current, chosen, repeated);
        if (!chosen.getValue().equals(repeated.getValue())) {
            repeated.setErrorMessage(getTranslation("password.error.mismatch"));
            repeated.setInvalid(true);
            return;
        }
        try {
            users.changeMyPassword(current.getValue(), chosen.getValue());
        } catch (AccessRuleException e) {
            Feedback.show(
                    this,
                    e,
                    Map.<String, HasValidation>of(
                            "password.error.current-wrong",
                            current,
                            "password.error.none-set",
                            current,
                            "password.error.",
                            chosen));
            return;
        }
        close();
        Feedback.success(getTranslation("password.change.done"));
    }
}
