package com.nexo.crm.assignment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.assignment.AssignmentCondition;
import com.nexo.crm.assignment.AssignmentRule;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

/** The assignment rules' settings page: a new rule by tag is listed (the refusal of other roles: CrmLeadSettingsViewsTest). */
class AssignmentRulesViewTest extends KaribuTest {

    @Test
    void an_administrator_adds_an_assignment_rule_by_tag() {
        login(CrmLeadFixtures.ADMIN);
        UI.getCurrent().navigate("crm/settings/assignment");
        AssignmentRulesView view = _get(AssignmentRulesView.class);
        Dialog dialog = view.openDialog(new com.nexo.crm.assignment.AssignmentRuleForm());
        String name = "Feria " + CrmLeadFixtures.word();
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue(name);
        @SuppressWarnings("unchecked")
        Select<AssignmentCondition> condition = _get(dialog, Select.class);
        condition.setValue(AssignmentCondition.TAG);
        _get(dialog, TextField.class, spec -> spec.withLabel("Etiqueta o región"))
                .setValue(CrmLeadFixtures.word());
        @SuppressWarnings("unchecked")
        ComboBox<Object> user = _get(dialog, ComboBox.class, spec -> spec.withLabel("Persona"));
        user.setValue(user.getListDataView().getItem(0));
        _get(dialog, Checkbox.class).setValue(false);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        expectNotifications("Regla guardada");
        assertThat(GridKt._fetch(view.grid, 0, 100))
                .extracting(AssignmentRule::name)
                .contains(name);
    }
}
