package com.nexo.crm.stagerules.ui;

import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.ActivityKind;
import com.nexo.crm.activities.ui.ActivityLabels;
import com.nexo.crm.stagerules.StageRule;
import com.nexo.crm.stagerules.StageRuleForm;
import com.nexo.crm.stagerules.StageRuleService;
import com.nexo.crm.stagerules.StageRuleService.StageChoice;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * CRM settings, stage rules: what happens when an opportunity enters a stage (an activity for its
 * owner, a notification to the owner). Linked from the CRM settings page.
 */
@Route("crm/settings/stage-rules")
@RolesAllowed(CrmPermissions.SETTINGS)
public class StageRulesView extends Main implements HasDynamicTitle {

    private final transient StageRuleService rules;
    final Grid<StageRule> grid = new Grid<>();
    final Button create = new Button();
    Dialog dialog;

    public StageRulesView(StageRuleService rules) {
        this.rules = rules;
        addClassNames("list-view", "stage-rules");
        create.setText(getTranslation("crm.stagerules.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("stage-rule-new");
        create.addClickListener(click -> open(new StageRuleForm()));
        Anchor back = new Anchor("crm/settings", getTranslation("crm.stagerules.back"));
        Div toolbar = new Div(back, create);
        toolbar.addClassName("list-toolbar");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addColumn(rule -> rule.pipelineName() + ": " + rule.stageName())
                .setHeader(getTranslation("crm.stagerules.field.stage"))
                .setFlexGrow(2);
        grid.addColumn(this::what)
                .setHeader(getTranslation("crm.stagerules.column.does"))
                .setFlexGrow(3);
        grid.addColumn(rule -> rule.active()
                        ? getTranslation("crm.stagerules.active")
                        : getTranslation("crm.stagerules.inactive"))
                .setHeader(getTranslation("crm.stagerules.field.active"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("crm.stagerules.empty"));
        grid.addItemClickListener(click -> open(rules.getForm(click.getItem().id())));
        add(new H2(getTranslation("crm.stagerules.title")), toolbar, grid);
        setSizeFull();
        reload();
    }

    private String what(StageRule rule) {
        String activity = rule.kind() == null
                ? null
                : getTranslation(
                        "crm.stagerules.does.activity",
                        ActivityLabels.kind(this, rule.kind()),
                        rule.subject(),
                        rule.dueInDays());
        String notify = rule.notifyOwner() ? getTranslation("crm.stagerules.does.notify") : null;
        return activity == null ? notify : notify == null ? activity : activity + " · " + notify;
    }

    void reload() {
        grid.setItems(rules.list());
    }

    void open(StageRuleForm form) {
        dialog = new Dialog();
        dialog.addClassName("stage-rule-dialog");
        dialog.setHeaderTitle(
                form.getId() == null ? getTranslation("crm.stagerules.new") : getTranslation("crm.stagerules.edit"));
        ComboBox<StageChoice> stage = new ComboBox<>(getTranslation("crm.stagerules.field.stage"));
        List<StageChoice> stages = rules.stages();
        stage.setItems(stages);
        stage.setItemLabelGenerator(StageChoice::name);
        Checkbox createActivity = new Checkbox(getTranslation("crm.stagerules.field.create-activity"));
        Select<ActivityKind> kind = new Select<>();
        kind.setLabel(getTranslation("crm.stagerules.field.kind"));
        kind.setItems(ActivityKind.values());
        kind.setItemLabelGenerator(value -> ActivityLabels.kind(this, value));
        TextField subject = new TextField(getTranslation("crm.stagerules.field.subject"));
        subject.setMaxLength(200);
        IntegerField days = new IntegerField(getTranslation("crm.stagerules.field.days"));
        days.setMin(0);
        days.setMax(365);
        Checkbox notify = new Checkbox(getTranslation("crm.stagerules.field.notify"));
        Checkbox active = new Checkbox(getTranslation("crm.stagerules.field.active"));
        BeanValidationBinder<StageRuleForm> binder = new BeanValidationBinder<>(StageRuleForm.class);
        binder.forField(stage)
                .bind(
                        f -> stages.stream()
                                .filter(s -> s.id().equals(f.getStageId()))
                                .findFirst()
                                .orElse(null),
                        (f, s) -> f.setStageId(s == null ? null : s.id()));
        binder.forField(createActivity).bind(StageRuleForm::isCreateActivity, StageRuleForm::setCreateActivity);
        binder.forField(kind).bind(StageRuleForm::getKind, StageRuleForm::setKind);
        binder.forField(subject).bind("subject");
        binder.forField(days).bind("dueInDays");
        binder.forField(notify).bind(StageRuleForm::isNotifyOwner, StageRuleForm::setNotifyOwner);
        binder.forField(active).bind(StageRuleForm::isActive, StageRuleForm::setActive);
        binder.readBean(form);
        Paragraph problem = new Paragraph();
        problem.addClassName("form-problem");
        problem.setVisible(false);
        FormLayout layout = new FormLayout(stage, createActivity, kind, subject, days, notify, active);
        Button save = new Button(getTranslation("crm.stagerules.save"), click -> {
            try {
                binder.writeBean(form);
                rules.save(form);
            } catch (ValidationException e) {
                return;
            } catch (StageRuleService.StageRuleException e) {
                problem.setText(getTranslation(e.messageKey(), e.arguments()));
                problem.setVisible(true);
                return;
            }
            Notices.success(getTranslation("crm.stagerules.saved"));
            dialog.close();
            reload();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("stage-rule-save");
        dialog.add(problem, layout);
        dialog.getFooter().add(new Button(getTranslation("crm.activities.cancel"), click -> dialog.close()), save);
        if (form.getId() != null) {
            UUID id = form.getId();
            Button delete = new Button(getTranslation("crm.activities.delete"), click -> {
                rules.delete(id);
                dialog.close();
                reload();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().addComponentAsFirst(delete);
        }
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.stagerules.title");
    }
}
