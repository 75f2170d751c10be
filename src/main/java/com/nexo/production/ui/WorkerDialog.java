package com.nexo.production.ui;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.work.WorkCentre;
import com.nexo.production.work.WorkService;
import com.nexo.production.work.Worker;
import com.nexo.production.work.WorkerForm;
import com.nexo.production.work.WorkerKind;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.List;

/**
 * A worker: an employee (a user of the tenant, chosen from the enabled employees) or a professional
 * (an account with the professional role, searched by name), their hourly rate, usual work centre and
 * whether they are offered.
 */
class WorkerDialog extends Dialog {

    private final transient WorkService work;
    private final transient Worker editing;
    private final transient Runnable onSaved;

    final Select<WorkerKind> kind = new Select<>();
    final ComboBox<UserName> employee = new ComboBox<>();
    final ComboBox<AccountName> professional = new ComboBox<>();
    final BigDecimalField hourlyRate = new BigDecimalField();
    final ComboBox<WorkCentre> centre = new ComboBox<>();
    final Checkbox active = new Checkbox();
    final Button save = new Button();

    WorkerDialog(WorkService work, Worker editing, Runnable onSaved) {
        this.work = work;
        this.editing = editing;
        this.onSaved = onSaved;
        addClassName("worker-dialog");
        setHeaderTitle(
                editing == null
                        ? getTranslation("production.settings.worker.new-title")
                        : getTranslation("production.settings.worker.edit-title"));
        setWidth("34rem");
        setMaxWidth("100%");

        kind.setLabel(getTranslation("production.settings.worker.kind"));
        kind.setItems(WorkerKind.values());
        kind.setItemLabelGenerator(value -> ShopFloorTexts.workerKind(this, value));
        kind.setId("worker-kind");
        employee.setLabel(getTranslation("production.settings.worker.employee"));
        employee.setItemLabelGenerator(UserName::displayName);
        List<UserName> employees = work.employees();
        employee.setItems(employees);
        employee.setId("worker-employee");
        professional.setLabel(getTranslation("production.settings.worker.professional"));
        professional.setHelperText(getTranslation("production.settings.worker.professional-help"));
        professional.setItemLabelGenerator(AccountName::name);
        professional.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return work.professionalsMatching(filter, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        professional.setId("worker-professional");
        hourlyRate.setLabel(getTranslation("production.settings.rate"));
        hourlyRate.setId("worker-rate");
        centre.setLabel(getTranslation("production.settings.worker.centre"));
        centre.setItems(work.workCentres(false));
        centre.setItemLabelGenerator(WorkCentre::label);
        centre.setClearButtonVisible(true);
        centre.setId("worker-centre");
        active.setLabel(getTranslation("production.settings.active"));
        kind.addValueChangeListener(change -> showKind());

        FormLayout form = new FormLayout(kind, employee, professional, hourlyRate, centre, active);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("26rem", 2));
        add(form);

        if (editing == null) {
            kind.setValue(WorkerKind.EMPLOYEE);
            hourlyRate.setValue(BigDecimal.ZERO);
            active.setValue(true);
        } else {
            kind.setValue(editing.kind());
            if (editing.userId() != null) {
                employees.stream()
                        .filter(user -> user.id().equals(editing.userId()))
                        .findFirst()
                        .ifPresent(employee::setValue);
            }
            if (editing.professionalId() != null) {
                professional.setValue(new AccountName(editing.professionalId(), editing.name()));
            }
            hourlyRate.setValue(editing.hourlyRate());
            if (editing.workCentreId() != null) {
                centre.getListDataView()
                        .getItems()
                        .filter(item -> item.id().equals(editing.workCentreId()))
                        .findFirst()
                        .ifPresent(centre::setValue);
            }
            active.setValue(editing.active());
        }
        showKind();

        save.setText(getTranslation("action.save"));
        save.setId("worker-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private void showKind() {
        boolean isEmployee = kind.getValue() != WorkerKind.PROFESSIONAL;
        employee.setVisible(isEmployee);
        professional.setVisible(!isEmployee);
    }

    private void save() {
        employee.setInvalid(false);
        professional.setInvalid(false);
        hourlyRate.setInvalid(false);
        WorkerKind chosen = kind.getValue();
        WorkerForm form = new WorkerForm(
                chosen,
                chosen == WorkerKind.EMPLOYEE && employee.getValue() != null
                        ? employee.getValue().id()
                        : null,
                chosen == WorkerKind.PROFESSIONAL && professional.getValue() != null
                        ? professional.getValue().id()
                        : null,
                hourlyRate.getValue(),
                centre.getValue() == null ? null : centre.getValue().id(),
                active.getValue());
        try {
            if (editing == null) {
                work.createWorker(form);
            } else {
                work.updateWorker(editing.id(), editing.version(), form);
            }
        } catch (ProductionRuleException refusal) {
            String text = ShopFloorTexts.refusal(this, refusal);
            switch (refusal.field() == null ? "" : refusal.field()) {
                case "userId" -> {
                    employee.setInvalid(true);
                    employee.setErrorMessage(text);
                }
                case "professionalId" -> {
                    professional.setInvalid(true);
                    professional.setErrorMessage(text);
                }
                case "hourlyRate" -> {
                    hourlyRate.setInvalid(true);
                    hourlyRate.setErrorMessage(text);
                }
                default -> Notices.error(text);
            }
            return;
        }
        Notices.success(getTranslation("production.settings.worker.saved"));
        close();
        onSaved.run();
    }
}
