package com.nexo.crm.opportunities.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStatus;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The opportunity's page in Karibu: form, stage path, win and reopen, history, a stale save. */
class OpportunityDetailViewTest extends KaribuTest {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    PipelineService pipelines;

    private CrmFixtures fixtures;
    private Pipeline pipeline;
    private UUID id;

    @BeforeEach
    void anOpportunity() {
        fixtures = new CrmFixtures(context);
        pipeline = fixtures.pipeline();
        UUID account = fixtures.account(CrmFixtures.unique("Cristalería Sol"));
        id = fixtures.opportunity(pipeline, 0, account, null, "Escaparate", "1500");
        login(CrmFixtures.ADMIN);
    }

    @Test
    void the_page_shows_the_form_moves_along_the_stage_path_wins_reopens_and_keeps_a_history() {
        OpportunityDetailView page = open();
        assertThat(page.title.getText()).isEqualTo("Escaparate");
        assertThat(page.account.getText()).startsWith("Cristalería Sol");
        assertThat(page.fields.title.getValue()).isEqualTo("Escaparate");
        assertThat(page.status.getText()).isEqualTo("Abierta");

        page.moveTo(pipelines.stage(pipeline.stage(2)).orElseThrow());
        assertThat(page.fields.probability.getValue()).isEqualTo(60);

        _click(page.win);
        assertThat(page.status.getText()).isEqualTo("Ganada");
        assertThat(page.reopen.isVisible()).isTrue();
        _click(page.reopen);
        assertThat(page.status.getText()).isEqualTo("Abierta");
        assertThat(page.timeline.getChildren().count()).isPositive();
    }

    @Test
    void saving_the_form_over_someone_elses_change_is_refused_and_shows_their_version() {
        OpportunityDetailView page = open();
        fixtures.asSystem(() -> opportunities.moveToStage(id, pipeline.stage(1), 0));

        page.fields.title.setValue("Escaparate doble");
        _click(page.save);

        expectNotifications(
                "Otra persona ha cambiado esta oportunidad mientras tanto. Se ha vuelto a cargar: revísala y vuelve a intentarlo.");
        assertThat(page.fields.title.getValue()).isEqualTo("Escaparate");
        assertThat(opportunities.find(id).orElseThrow().stageId()).isEqualTo(pipeline.stage(1));

        page.fields.title.setValue("Escaparate doble");
        _click(page.save);
        assertThat(opportunities.find(id).orElseThrow().title()).isEqualTo("Escaparate doble");
        assertThat(opportunities.find(id).orElseThrow().status()).isEqualTo(OpportunityStatus.OPEN);
    }

    @Test
    void the_quote_section_makes_the_quote_whose_page_leads_back_to_the_opportunity() {
        open();
        _click(_get(Button.class, spec -> spec.withClasses("crm-create-quote")));

        Anchor back = _get(Anchor.class, spec -> spec.withClasses("crm-open-opportunity"));
        assertThat(back.getHref()).isEqualTo("crm/opportunities/" + id);
        assertThat(back.getText()).isEqualTo("Escaparate");
        assertThat(opportunities.find(id).orElseThrow().quoteId()).isNotNull();
    }

    private OpportunityDetailView open() {
        UI.getCurrent().navigate("crm/opportunities/" + id);
        return _get(OpportunityDetailView.class);
    }
}
