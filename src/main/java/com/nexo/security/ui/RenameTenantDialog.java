package com.nexo.security.ui;

import com.nexo.tenancy.TenantNameForm;
import com.nexo.tenancy.TenantRuleException;
import com.nexo.tenancy.TenantService;
import com.nexo.tenancy.TenantService.TenantRow;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Gives a tenant a new name, over the version of the list row it was opened on: when someone renamed
 * or changed the tenant meanwhile, says so and shows the list again.
 */
class RenameTenantDialog extends Dialog {

    private final transient TenantService tenants;
    private final Runnable onSaved;
    private final TextField name = new TextField();
    private final BeanValidationBinder<TenantNameForm> binder = new BeanValidationBinder<>(TenantNameForm.class);
    private final TenantNameForm loaded;

    RenameTenantDialog(TenantService tenants, TenantRow row, Runnable onSaved) {
        this.tenants = tenants;
        this.onSaved = onSaved;
        this.loaded = TenantNameForm.of(row);
        setHeaderTitle(getTranslation("tenants.rename.title", row.code()));
        name.setLabel(getTranslation("tenants.name"));
        name.setId("tenant-new-name");
        name.setWidthFull();
        binder.forField(name).bind("name");
        binder.readBean(loaded);
        add(name);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.setId("rename-tenant");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, save);
        setWidth("28rem");
    }

    @Override
    public void open() {
        super.open();
        name.focus();
    }

    private void save() {
        Feedback.clear(name);
        TenantNameForm form = new TenantNameForm(loaded.getId(), loaded.getVersion(), loaded.getName());
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return; // the binder marked the field
        }
        try {
            tenants.rename(form);
        } catch (TenantRuleException e) {
            name.setErrorMessage(getTranslation(e.messageKey()));
            name.setInvalid(true);
            return;
        } catch (OptimisticLockingFailureException e) {
            close();
            onSaved.run();
            Feedback.error(getTranslation("error.concurrent-edit"));
            return;
        }
        close();
        onSaved.run();
        Feedback.success(getTranslation("tenants.rename.done", form.getName().strip()));
    }
}
