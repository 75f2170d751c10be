package com.nexo.sales.ui;

import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.pricing.PriceListForm;
import com.nexo.sales.pricing.PriceListService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates or edits a price list: name, currency, period, and whom it applies to (the default list,
 * or the clients of a group; a list that is neither applies to the clients whose terms name it). The
 * fields check the form's constraints as the user types; the service has the last word (a name taken,
 * a period that ends before it starts, someone else's save in between).
 */
class PriceListFormDialog extends Dialog {

    private final transient PriceListService priceLists;
    private final transient Consumer<UUID> onSaved;
    private final PriceListForm loaded;
    private final BeanValidationBinder<PriceListForm> binder = new BeanValidationBinder<>(PriceListForm.class);

    final TextField name = new TextField();
    final TextField currency = new TextField();
    final DatePicker validFrom = new DatePicker();
    final DatePicker validTo = new DatePicker();
    final Checkbox defaultList = new Checkbox();
    final TextField clientGroup = new TextField();
    final Button save = new Button();

    static PriceListFormDialog forNew(PriceListService priceLists, LocalDate today, Consumer<UUID> onSaved) {
        return new PriceListFormDialog(priceLists, priceLists.newForm(today), onSaved);
    }

    static PriceListFormDialog forEdit(PriceListService priceLists, UUID priceListId, Consumer<UUID> onSaved) {
        return new PriceListFormDialog(priceLists, priceLists.getForm(priceListId), onSaved);
    }

    private PriceListFormDialog(PriceListService priceLists, PriceListForm form, Consumer<UUID> onSaved) {
        this.priceLists = priceLists;
        this.onSaved = onSaved;
        this.loaded = form;
        addClassName("price-list-dialog");
        setHeaderTitle(
                form.getId() == null
                        ? getTranslation("sales.price-list.form.new")
                        : getTranslation("sales.price-list.form.edit", form.getName()));
        setWidth("36rem");
        setMaxWidth("100%");

        name.setLabel(getTranslation("sales.price-list.field.name"));
        name.setMaxLength(120);
        currency.setLabel(getTranslation("sales.price-list.field.currency"));
        currency.setMaxLength(3);
        currency.setHelperText(getTranslation("sales.price-list.field.currency-help"));
        validFrom.setLabel(getTranslation("sales.price-list.field.valid-from"));
        validTo.setLabel(getTranslation("sales.price-list.field.valid-to"));
        validTo.setHelperText(getTranslation("sales.price-list.field.valid-to-help"));
        validTo.setClearButtonVisible(true);
        defaultList.setLabel(getTranslation("sales.price-list.field.default"));
        clientGroup.setLabel(getTranslation("sales.price-list.field.client-group"));
        clientGroup.setHelperText(getTranslation("sales.price-list.field.client-group-help"));
        clientGroup.setMaxLength(20);

        binder.forField(name).bind("name");
        binder.forField(currency).bind("currency");
        binder.forField(validFrom).bind("validFrom");
        binder.forField(validTo).bind("validTo");
        binder.forField(defaultList).bind("defaultList");
        binder.forField(clientGroup).bind("clientGroup");
        binder.readBean(form);

        FormLayout layout = new FormLayout(name, currency, validFrom, validTo, clientGroup, defaultList);
        layout.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        layout.setColspan(name, 2);
        add(layout);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("action.cancel"), event -> close());
        getFooter().add(cancel, save);
    }

    void save() {
        PriceListForm form = new PriceListForm();
        form.setId(loaded.getId());
        form.setVersion(loaded.getVersion());
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        UUID saved;
        try {
            saved = priceLists.save(form);
        } catch (SalesRuleException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            if ("name".equals(e.field())) {
                name.setInvalid(true);
                name.setErrorMessage(message);
            } else if ("validTo".equals(e.field())) {
                validTo.setInvalid(true);
                validTo.setErrorMessage(message);
            } else if ("defaultList".equals(e.field())) {
                defaultList.getElement().setProperty("invalid", true);
                Notices.error(message);
            } else {
                Notices.error(message);
            }
            return;
        }
        close();
        Notices.success(
                getTranslation("sales.price-list.form.saved", form.getName().strip()));
        onSaved.accept(saved);
    }
}
