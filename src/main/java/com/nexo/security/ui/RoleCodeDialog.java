package com.nexo.security.ui;

import com.nexo.security.AccessRuleException;
import com.nexo.security.roles.RoleCodeForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/** Asks for the code and name of a role about to be created (a new one, or a copy of another). */
class RoleCodeDialog extends Dialog {

    private final TextField code = new TextField();
    private final TextField name = new TextField();
    private final transient Function<RoleCodeForm, UUID> create;
    private final BeanValidationBinder<RoleCodeForm> binder = new BeanValidationBinder<>(RoleCodeForm.class);
    private final Consumer<UUID> created;

    /**
     * @param create makes the role from the form's code and name (one service call) and returns its id
     * @param created told the id of the role created
     */
    RoleCodeDialog(String title, String suggestedName, Function<RoleCodeForm, UUID> create, Consumer<UUID> created) {
        this.create = create;
        this.created = created;
        setHeaderTitle(title);
        setWidth("30rem");
        setMaxWidth("100%");
        code.setLabel(getTranslation("roles.field.code"));
        code.setHelperText(getTranslation("roles.field.code.helper"));
        name.setLabel(getTranslation("roles.field.name"));
        binder.forField(code).bind("code");
        binder.forField(name).bind("name");
        binder.readBean(new RoleCodeForm(suggestedName));
        FormLayout form = new FormLayout(code, name);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button submit = new Button(getTranslation("roles.create.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, submit);
    }

    private void submit() {
        Feedback.clear(code, name);
        RoleCodeForm form = new RoleCodeForm();
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the fields
        }
        UUID id;
        try {
            id = create.apply(form);
        } catch (AccessRuleException e) {
            Feedback.show(this, e, Map.<String, HasValidation>of("roles.error.code", code, "roles.error.name", name));
            return;
        }
        close();
        Feedback.success(getTranslation("roles.created", form.getName().strip()));
        created.accept(id);
    }
}
