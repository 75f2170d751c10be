package com.nexo.crm.pipelines.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.crm.CrmFixtures;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The CRM settings in Karibu: a pipeline with stages in order, lost reasons, teams, links, access. */
class CrmSettingsViewTest extends KaribuTest {

    @Autowired
    PipelineService pipelines;

    @Test
    void an_administrator_adds_a_pipeline_with_stages_reorders_them_and_adds_a_lost_reason_and_a_team() {
        login(CrmFixtures.ADMIN);
        UI.getCurrent().navigate(CrmSettingsView.class);
        CrmSettingsView view = _get(CrmSettingsView.class);
        String name = CrmFixtures.unique("Reformas");

        view.newPipeline.setValue(name);
        _click(view.addPipeline);
        assertThat(view.pipeline.getValue().name()).isEqualTo(name);
        view.newStage.setValue("Visita");
        view.newStageProbability.setValue(20);
        _click(view.addStage);
        view.newStage.setValue("Presupuesto");
        view.newStageProbability.setValue(50);
        _click(view.addStage);
        assertThat(GridKt._size(view.stages)).isEqualTo(2);

        StageRow second = GridKt._get(view.stages, 1);
        pipelines.moveStage(second.id(), -1);
        view.showPipeline();
        List<String> names = pipelines.stages(view.pipeline.getValue().id()).stream()
                .map(StageRow::name)
                .toList();
        assertThat(names).containsExactly("Presupuesto", "Visita");

        String reason = CrmFixtures.unique("Plazo");
        view.tabs.setSelectedIndex(1);
        view.newReason.setValue(reason);
        _click(view.addReason);
        assertThat(pipelines.lostReasons()).anyMatch(r -> r.name().equals(reason));
        String team = CrmFixtures.unique("Equipo");
        view.tabs.setSelectedIndex(2);
        view.newTeam.setValue(team);
        _click(view.addTeam);
        assertThat(pipelines.teams()).anyMatch(t -> t.name().equals(team));

        assertThat(view.getChildren()
                        .flatMap(c -> c.getChildren())
                        .filter(Anchor.class::isInstance)
                        .map(a -> ((Anchor) a).getHref()))
                .contains(
                        "crm/settings/web-forms",
                        "crm/settings/assignment",
                        "crm/settings/stage-rules",
                        "crm/settings/targets");
    }

    @Test
    void a_salesperson_without_the_settings_permission_is_refused() {
        login("consulta@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CrmSettingsView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
