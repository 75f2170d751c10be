package com.nexo.crm.stagerules.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.crm.CrmActivityFixtures;
import com.nexo.crm.stagerules.StageRule;
import com.nexo.crm.stagerules.StageRuleService.StageChoice;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StageRulesViewTest extends KaribuTest {

    @Test
    void a_crm_administrator_adds_a_stage_rule_and_a_rule_that_does_nothing_is_refused() {
        CrmActivityFixtures fx = new CrmActivityFixtures(context);
        UUID[] pipeline = fx.pipeline();
        login(fx.user("Ciro", Set.of("crm.read", "crm.settings")));
        UI.getCurrent().navigate(StageRulesView.class);
        StageRulesView view = _get(StageRulesView.class);

        _click(view.create);
        @SuppressWarnings("unchecked")
        ComboBox<StageChoice> stage = _get(view.dialog, ComboBox.class);
        StageChoice proposal = stage.getListDataView()
                .getItems()
                .filter(choice -> choice.id().equals(pipeline[2]))
                .findFirst()
                .orElseThrow();
        stage.setValue(proposal);
        _get(view.dialog, Checkbox.class, spec -> spec.withLabel("Crear una actividad"))
                .setValue(false);
        _click(_get(view.dialog, Button.class, spec -> spec.withClasses("stage-rule-save")));
        assertThat(_get(view.dialog, Paragraph.class, spec -> spec.withClasses("form-problem"))
                        .getText())
                .isEqualTo("La regla debe crear una actividad, avisar al responsable o ambas cosas.");

        _get(view.dialog, Checkbox.class, spec -> spec.withLabel("Crear una actividad"))
                .setValue(true);
        _get(view.dialog, TextField.class, spec -> spec.withLabel("Asunto")).setValue("Enviar la propuesta");
        _click(_get(view.dialog, Button.class, spec -> spec.withClasses("stage-rule-save")));

        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(GridKt._findAll(view.grid))
                .filteredOn(rule -> rule.stageId().equals(pipeline[2]))
                .singleElement()
                .extracting(StageRule::subject)
                .isEqualTo("Enviar la propuesta");
    }

    @Test
    void a_salesperson_without_crm_settings_is_refused_the_stage_rules() {
        CrmActivityFixtures fx = new CrmActivityFixtures(context);
        login(fx.salesperson("Dario"));

        assertThatThrownBy(() -> UI.getCurrent().navigate(StageRulesView.class))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }
}
