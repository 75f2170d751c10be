package com.nexo.crm.assignment.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.assignment.AssignmentCondition;
import com.nexo.crm.assignment.AssignmentRule;
import com.nexo.crm.assignment.AssignmentRuleForm;
import com.nexo.crm.assignment.AssignmentService;
import com.nexo.security.UserDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules that give new leads without an owner one, in the order they are tried: for every lead, by
 * tag or by region, to one user or in turn to the members of a team.
 */
@Route("crm/settings/assignment")
@RolesAllowed(CrmPermissions.SETTINGS)
public class AssignmentRulesView extends Main implements HasDynamicTitle {

    private final transient AssignmentService service;
    final Grid<AssignmentRule> grid = new Grid<>();
    final Button create;
    private Map<UUID, String> userNames = Map.of();
    private Map<UUID, String> teamNames = Map.of();

    public AssignmentRulesView(AssignmentService service) {
        this.service = service;
        addClassNames("crm-assignment", "list-view");
        create = new Button(getTranslation("crm.assignment.new"), click -> openDialog(new AssignmentRuleForm()));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(AssignmentRule::position)
                .setHeader(getTranslation("crm.assignment.position"))
                .setAutoWidth(true);
        grid.addColumn(AssignmentRule::name)
                .setHeader(getTranslation("crm.assignment.name"))
                .setFlexGrow(2);
        grid.addColumn(this::conditionText)
                .setHeader(getTranslation("crm.assignment.condition"))
                .setFlexGrow(2);
        grid.addColumn(this::targetText)
                .setHeader(getTranslation("crm.assignment.target"))
                .setFlexGrow(2);
        grid.addColumn(rule ->
                        rule.enabled() ? getTranslation("crm.assignment.on") : getTranslation("crm.assignment.off"))
                .setHeader(getTranslation("crm.assignment.enabled"))
                .setAutoWidth(true);
        grid.addItemClickListener(click -> openDialog(AssignmentRuleForm.of(click.getItem())));
        grid.setEmptyStateText(getTranslation("crm.assignment.empty"));
        grid.setAllRowsVisible(true);
        Anchor back = new Anchor("crm/settings", getTranslation("crm.webforms.back"));
        back.addClassName("detail-back");
        Div toolbar = new Div(create);
        toolbar.addClassName("list-toolbar");
        add(
                back,
                new H2(getTranslation("crm.assignment.title")),
                new Paragraph(getTranslation("crm.assignment.intro")),
                toolbar,
                grid);
        refresh();
    }

    void refresh() {
        userNames = service.users().stream()
                .collect(
                        Collectors.toMap(UserDirectory.UserName::id, UserDirectory.UserName::displayName, (a, b) -> a));
        teamNames = service.teams().stream()
                .collect(Collectors.toMap(
                        AssignmentService.TeamOption::id, AssignmentService.TeamOption::name, (a, b) -> a));
        grid.setItems(service.rules());
    }

    private String conditionLabel(AssignmentCondition condition) {
        return switch (condition) {
            case ANY -> getTranslation("crm.assignment.condition.any");
            case TAG -> getTranslation("crm.assignment.condition.tag");
            case REGION -> getTranslation("crm.assignment.condition.region");
        };
    }

    private String conditionText(AssignmentRule rule) {
        return rule.matchValue() == null
                ? conditionLabel(rule.condition())
                : conditionLabel(rule.condition()) + ": " + rule.matchValue();
    }

    private String targetText(AssignmentRule rule) {
        return rule.userId() != null
                ? userNames.getOrDefault(rule.userId(), "")
                : getTranslation("crm.assignment.round-robin", teamNames.getOrDefault(rule.teamId(), ""));
    }

    /** The dialog adding or changing a rule. */
    Dialog openDialog(AssignmentRuleForm values) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(
                values.getId() == null ? getTranslation("crm.assignment.new") : getTranslation("crm.assignment.edit"));
        TextField name = new TextField(getTranslation("crm.assignment.name"));
        IntegerField position = new IntegerField(getTranslation("crm.assignment.position"));
        Select<AssignmentCondition> condition = new Select<>();
        condition.setLabel(getTranslation("crm.assignment.condition"));
        condition.setItems(AssignmentCondition.values());
        condition.setItemLabelGenerator(this::conditionLabel);
        TextField value = new TextField(getTranslation("crm.assignment.value"));
        value.setHelperText(getTranslation("crm.assignment.value-help"));
        ComboBox<UserDirectory.UserName> user = new ComboBox<>(getTranslation("crm.assignment.user"));
        List<UserDirectory.UserName> users = service.users();
        user.setItems(users);
        user.setItemLabelGenerator(UserDirectory.UserName::displayName);
        user.setClearButtonVisible(true);
        user.setValue(users.stream()
                .filter(u -> Objects.equals(u.id(), values.getUserId()))
                .findFirst()
                .orElse(null));
        ComboBox<AssignmentService.TeamOption> team = new ComboBox<>(getTranslation("crm.assignment.team"));
        team.setHelperText(getTranslation("crm.assignment.team-help"));
        List<AssignmentService.TeamOption> teams = service.teams();
        team.setItems(teams);
        team.setItemLabelGenerator(AssignmentService.TeamOption::name);
        team.setClearButtonVisible(true);
        team.setValue(teams.stream()
                .filter(t -> Objects.equals(t.id(), values.getTeamId()))
                .findFirst()
                .orElse(null));
        Checkbox enabled = new Checkbox(getTranslation("crm.assignment.enabled"));
        BeanValidationBinder<AssignmentRuleForm> binder = new BeanValidationBinder<>(AssignmentRuleForm.class);
        binder.forField(name).bind("name");
        binder.forField(position)
                .withConverter(number -> number == null ? 0 : number, number -> number)
                .bind("position");
        binder.forField(condition).bind("condition");
        binder.forField(value).bind("matchValue");
        binder.forField(enabled).bind("enabled");
        binder.readBean(values);
        dialog.add(new FormLayout(name, position, condition, value, user, team, enabled));
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                binder.writeBean(values);
            } catch (ValidationException e) {
                return;
            }
            values.setUserId(user.getValue() == null ? null : user.getValue().id());
            values.setTeamId(team.getValue() == null ? null : team.getValue().id());
            try {
                if (values.getId() == null) {
                    service.create(values);
                } else {
                    service.update(values);
                }
            } catch (RuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
                return;
            }
            dialog.close();
            Notices.success(getTranslation("crm.assignment.saved"));
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()));
        if (values.getId() != null) {
            Button delete = new Button(getTranslation("crm.assignment.delete"), click -> {
                service.delete(values.getId());
                dialog.close();
                refresh();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(save);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("crm.assignment.title");
    }
}
