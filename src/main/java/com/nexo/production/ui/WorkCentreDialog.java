package com.nexo.production.ui;

import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.work.WorkCentre;
import com.nexo.production.work.WorkCentreForm;
import com.nexo.production.work.WorkService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;

/** A work centre's code, name, hourly rate and whether it is offered: new, or one to change. */
class WorkCentreDialog extends Dialog {

    private final transient WorkService work;
    private final transient WorkCentre editing;
    private final transient Runnable onSaved;

    final TextField code = new TextField();
    final TextField name = new TextField();
    final BigDecimalField hourlyRate = new BigDecimalField();
    final Checkbox active = new Checkbox();
    final Button save = new Button();

    WorkCentreDialog(WorkService work, WorkCentre editing, Runnable onSaved) {
        this.work = work;
        this.editing = editing;
        this.onSaved = onSaved;
        addClassName("work-centre-dialog");
        setHeaderTitle(
                editing == null
                        ? getTranslation("production.settings.centre.new-title")
                        : getTranslation("production.settings.centre.edit-title"));
        setWidth("32rem");
        setMaxWidth("100%");
        code.setLabel(getTranslation("production.settings.centre.code"));
        code.setMaxLength(20);
        code.setRequiredIndicatorVisible(true);
        code.setId("centre-code");
        name.setLabel(getTranslation("production.settings.centre.name"));
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        name.setId("centre-name");
        hourlyRate.setLabel(getTranslation("production.settings.rate"));
        hourlyRate.setHelperText(getTranslation("production.settings.centre.rate-help"));
        hourlyRate.setId("centre-rate");
        active.setLabel(getTranslation("production.settings.active"));
        FormLayout form = new FormLayout(code, name, hourlyRate, active);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("24rem", 2));
        add(form);
        WorkCentreForm shown = editing == null ? new WorkCentreForm("", "", BigDecimal.ZERO, true) : editing.form();
        code.setValue(shown.code());
        name.setValue(shown.name());
        hourlyRate.setValue(shown.hourlyRate());
        active.setValue(shown.active());

        save.setText(getTranslation("action.save"));
        save.setId("centre-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private void save() {
        code.setInvalid(false);
        name.setInvalid(false);
        hourlyRate.setInvalid(false);
        WorkCentreForm form = new WorkCentreForm(
                code.getValue(),
                name.getValue(),
                hourlyRate.getValue() == null ? null : hourlyRate.getValue(),
                active.getValue());
        try {
            if (editing == null) {
                work.createWorkCentre(form);
            } else {
                work.updateWorkCentre(editing.id(), editing.version(), form);
            }
        } catch (ProductionRuleException refusal) {
            String text = ShopFloorTexts.refusal(this, refusal);
            switch (refusal.field() == null ? "" : refusal.field()) {
                case "code" -> invalid(code, text);
                case "name" -> invalid(name, text);
                case "hourlyRate" -> {
                    hourlyRate.setInvalid(true);
                    hourlyRate.setErrorMessage(text);
                }
                default -> Notices.error(text);
            }
            return;
        }
        Notices.success(
                getTranslation("production.settings.centre.saved", form.code().strip()));
        close();
        onSaved.run();
    }

    private static void invalid(TextField field, String text) {
        field.setInvalid(true);
        field.setErrorMessage(text);
    }
}
