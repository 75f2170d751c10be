package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates or edits a warehouse: code (fixed once created), name, address, whether it may hold
 * negative stock, whether it is active. The fields check the form's constraints as the user types;
 * the service has the last word (a code already taken).
 */
class WarehouseFormDialog extends Dialog {

    private final transient WarehouseService warehouses;
    private final UUID warehouseId;
    private final transient Consumer<UUID> onSaved;
    private final BeanValidationBinder<WarehouseForm> binder = new BeanValidationBinder<>(WarehouseForm.class);

    final TextField code = new TextField();
    final TextField name = new TextField();
    final TextArea address = new TextArea();
    final Checkbox allowNegative = new Checkbox();
    final Checkbox active = new Checkbox();
    final Button save = new Button();

    static WarehouseFormDialog forNew(WarehouseService warehouses, Consumer<UUID> onSaved) {
        return new WarehouseFormDialog(warehouses, null, WarehouseForm.blank(), onSaved);
    }

    static WarehouseFormDialog forEdit(WarehouseService warehouses, UUID warehouseId, Consumer<UUID> onSaved) {
        return new WarehouseFormDialog(warehouses, warehouseId, warehouses.getForm(warehouseId), onSaved);
    }

    private WarehouseFormDialog(
            WarehouseService warehouses, UUID warehouseId, WarehouseForm form, Consumer<UUID> onSaved) {
        this.warehouses = warehouses;
        this.warehouseId = warehouseId;
        this.onSaved = onSaved;
        addClassName("warehouse-dialog");
        setHeaderTitle(
                warehouseId == null ? getTranslation("warehouses.form.new") : getTranslation("warehouses.form.edit"));
        setWidth("36rem");
        setMaxWidth("100%");

        code.setLabel(getTranslation("warehouses.field.code"));
        code.setMaxLength(16);
        code.setReadOnly(warehouseId != null);
        code.setHelperText(warehouseId == null ? getTranslation("warehouses.field.code-help") : null);
        name.setLabel(getTranslation("warehouses.field.name"));
        name.setMaxLength(120);
        address.setLabel(getTranslation("warehouses.field.address"));
        address.setMaxLength(500);
        allowNegative.setLabel(getTranslation("warehouses.field.allow-negative"));
        active.setLabel(getTranslation("warehouses.field.active"));

        binder.forField(code).bind("code");
        binder.forField(name).bind("name");
        binder.forField(address).bind("address");
        binder.forField(allowNegative).bind("allowNegative");
        binder.forField(active).bind("active");
        binder.readRecord(form);

        FormLayout layout = new FormLayout(code, name, address, allowNegative, active);
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        layout.setColspan(address, 2);
        add(layout);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("action.cancel"), event -> close());
        getFooter().add(cancel, save);
    }

    void save() {
        WarehouseForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        UUID saved;
        try {
            if (warehouseId == null) {
                saved = warehouses.createWarehouse(form);
            } else {
                warehouses.updateWarehouse(warehouseId, form);
                saved = warehouseId;
            }
        } catch (ArticleRuleException e) {
            if ("stock.error.warehouse-code-taken".equals(e.messageKey())) {
                code.setInvalid(true);
                code.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            } else {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
            return;
        }
        close();
        Notices.success(getTranslation("warehouses.saved", form.code().strip()));
        onSaved.accept(saved);
    }
}
