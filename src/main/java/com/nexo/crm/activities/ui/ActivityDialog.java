package com.nexo.crm.activities.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityForm;
import com.nexo.crm.activities.ActivityKind;
import com.nexo.crm.activities.ActivityRuleException;
import com.nexo.crm.activities.ActivityService;
import com.nexo.crm.activities.ActivityService.Choice;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The form of an activity, new or existing, in a dialog. A new activity from "my activities" first asks
 * what it is about (a lead, an opportunity or an account, found by name); one from a record's page is
 * about that record. Saves with one service call; a refusal is shown on its field.
 */
class ActivityDialog extends Dialog {

    /** Reminder choices: minutes before the due time. */
    private static final List<Integer> REMINDERS = List.of(0, 15, 60, 1440);

    private final transient ActivityService activities;
    private final transient Runnable saved;
    private final ActivityForm form;
    final BeanValidationBinder<ActivityForm> binder = new BeanValidationBinder<>(ActivityForm.class);
    final Select<About.Type> aboutType = new Select<>();
    final ComboBox<Choice> aboutRecord = new ComboBox<>();
    final Select<ActivityKind> kind = new Select<>();
    final TextField subject = new TextField();
    final TextArea notes = new TextArea();
    final DatePicker dueDate = new DatePicker();
    final TimePicker dueTime = new TimePicker();
    final IntegerField duration = new IntegerField();
    final ComboBox<Choice> assignee = new ComboBox<>();
    final Select<Integer> reminder = new Select<>();
    final Paragraph problem = new Paragraph();
    final Button save = new Button();

    private ActivityDialog(ActivityService activities, ActivityForm form, boolean chooseAbout, Runnable saved) {
        this.activities = activities;
        this.form = form;
        this.saved = saved;
        addClassName("activity-dialog");
        setHeaderTitle(
                form.getId() == null ? getTranslation("crm.activities.new") : getTranslation("crm.activities.edit"));
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        if (chooseAbout) {
            aboutType.setLabel(getTranslation("crm.activities.field.about-type"));
            aboutType.setItems(About.Type.values());
            aboutType.setItemLabelGenerator(type -> ActivityLabels.about(this, type));
            aboutType.setValue(About.Type.OPPORTUNITY);
            aboutType.addValueChangeListener(change -> aboutRecord.clear());
            aboutRecord.setLabel(getTranslation("crm.activities.field.about"));
            aboutRecord.setItemLabelGenerator(Choice::name);
            aboutRecord.setItems(query ->
                    activities.records(aboutType.getValue(), query.getFilter().orElse(""), query.getLimit()).stream()
                            .skip(query.getOffset() > 0 ? Long.MAX_VALUE : 0));
            aboutRecord.addClassName("activity-about-record");
            layout.add(aboutType, aboutRecord);
        } else if (form.getAbout() != null) {
            activities.recordName(form.getAbout()).ifPresent(name -> {
                Paragraph about =
                        new Paragraph(ActivityLabels.about(this, form.getAbout().type()) + ": " + name);
                about.addClassName("activity-about-name");
                layout.add(about, 2);
            });
        }
        kind.setLabel(getTranslation("crm.activities.field.kind"));
        kind.setItems(ActivityKind.values());
        kind.setItemLabelGenerator(value -> ActivityLabels.kind(this, value));
        subject.setLabel(getTranslation("crm.activities.field.subject"));
        subject.setMaxLength(200);
        subject.setRequiredIndicatorVisible(true);
        notes.setLabel(getTranslation("crm.activities.field.notes"));
        notes.setMaxLength(8000);
        dueDate.setLabel(getTranslation("crm.activities.field.due-date"));
        dueDate.setLocale(
                UI.getCurrent() == null ? getLocale() : UI.getCurrent().getLocale());
        dueTime.setLabel(getTranslation("crm.activities.field.due-time"));
        duration.setLabel(getTranslation("crm.activities.field.duration"));
        duration.setMin(1);
        duration.setMax(1440);
        assignee.setLabel(getTranslation("crm.activities.field.assignee"));
        List<Choice> people = activities.assignees();
        assignee.setItems(people);
        assignee.setItemLabelGenerator(Choice::name);
        reminder.setLabel(getTranslation("crm.activities.field.reminder"));
        reminder.setEmptySelectionAllowed(true);
        reminder.setEmptySelectionCaption(getTranslation("crm.activities.reminder.none"));
        reminder.setItems(REMINDERS);
        reminder.setItemLabelGenerator(minutes -> ActivityLabels.reminder(this, minutes));
        layout.add(kind, subject, dueDate, dueTime, duration, assignee, reminder);
        layout.add(notes, 2);

        binder.forField(kind).bind(ActivityForm::getKind, ActivityForm::setKind);
        binder.forField(subject).bind("subject");
        binder.forField(notes).bind("notes");
        binder.forField(dueDate).bind(ActivityForm::getDueDate, ActivityForm::setDueDate);
        binder.forField(dueTime).bind(ActivityForm::getDueTime, ActivityForm::setDueTime);
        binder.forField(duration).bind("durationMinutes");
        binder.forField(assignee)
                .bind(
                        f -> people.stream()
                                .filter(p -> p.id().equals(f.getAssigneeId()))
                                .findFirst()
                                .orElse(null),
                        (f, choice) -> f.setAssigneeId(choice == null ? null : choice.id()));
        binder.forField(reminder).bind("remindMinutesBefore");
        binder.readBean(form);

        problem.addClassName("form-problem");
        problem.setVisible(false);
        save.setText(getTranslation("crm.activities.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("activity-save");
        save.addClickListener(click -> save(chooseAbout));
        Button cancel = new Button(getTranslation("crm.activities.cancel"), click -> close());
        add(problem, layout);
        getFooter().add(cancel, save);
        if (form.getId() != null && CurrentUser.can(CrmPermissions.DELETE)) {
            Button delete = new Button(getTranslation("crm.activities.delete"), click -> delete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.addClassName("activity-delete");
            getFooter().addComponentAsFirst(delete);
        }
        save.setEnabled(
                form.getId() == null ? CurrentUser.can(CrmPermissions.CREATE) : CurrentUser.can(CrmPermissions.EDIT));
    }

    /** A dialog for a new activity; {@code about} null lets the user choose what it is about. */
    static ActivityDialog create(ActivityService activities, About about, Runnable saved) {
        ActivityForm form = activities.newForm(about, Format.zone(UI.getCurrent()));
        return new ActivityDialog(activities, form, about == null, saved);
    }

    /** A dialog for an existing activity. */
    static ActivityDialog edit(ActivityService activities, UUID id, Runnable saved) {
        ActivityForm form = activities.getForm(id, Format.zone(UI.getCurrent()));
        return new ActivityDialog(activities, form, false, saved);
    }

    void save(boolean chooseAbout) {
        problem.setVisible(false);
        try {
            binder.writeBean(form);
        } catch (ValidationException e) {
            return;
        }
        if (chooseAbout) {
            Choice record = aboutRecord.getValue();
            form.setAbout(
                    record == null || aboutType.getValue() == null
                            ? null
                            : new About(aboutType.getValue(), record.id()));
        }
        try {
            if (form.getId() == null) {
                activities.create(form);
            } else {
                activities.update(form);
            }
        } catch (ActivityRuleException e) {
            show(e);
            return;
        }
        Notices.success(getTranslation("crm.activities.saved", form.getSubject()));
        close();
        saved.run();
    }

    private void delete() {
        try {
            activities.delete(form.getId());
        } catch (ActivityRuleException e) {
            show(e);
            return;
        }
        close();
        saved.run();
    }

    private void show(ActivityRuleException e) {
        String text = getTranslation(e.messageKey(), e.arguments());
        Map<String, HasValue<?, ?>> fields = Map.of(
                "subject", subject,
                "dueDate", dueDate,
                "durationMinutes", duration,
                "assigneeId", assignee,
                "remindMinutesBefore", reminder,
                "about", aboutRecord,
                "kind", kind);
        HasValue<?, ?> field = e.field() == null ? null : fields.get(e.field());
        if (field instanceof com.vaadin.flow.component.HasValidation validated
                && (!Objects.equals(e.field(), "about") || aboutRecord.isAttached())) {
            validated.setErrorMessage(text);
            validated.setInvalid(true);
        }
        problem.setText(text);
        problem.setVisible(true);
    }
}
