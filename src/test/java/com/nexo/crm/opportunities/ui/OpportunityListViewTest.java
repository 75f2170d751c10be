package com.nexo.crm.opportunities.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStatus;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The opportunities list in Karibu: the board's data, won and lost ones too, filtered by status. */
class OpportunityListViewTest extends KaribuTest {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    PipelineService pipelines;

    @Test
    void the_list_shows_open_won_and_lost_opportunities_with_a_status_filter() {
        CrmFixtures fixtures = new CrmFixtures(context);
        Pipeline pipeline = fixtures.pipeline();
        UUID account = fixtures.account(CrmFixtures.unique("Toldos Mar"));
        fixtures.opportunity(pipeline, 0, account, null, "Toldo terraza", "900");
        UUID won = fixtures.opportunity(pipeline, 1, account, null, "Pérgola", "700");
        fixtures.asSystem(() -> opportunities.win(won, 0));
        login(CrmFixtures.ADMIN);

        UI.getCurrent().navigate(OpportunityListView.class);
        OpportunityListView list = _get(OpportunityListView.class);
        list.pipeline.setValue(pipelines.pipelines().stream()
                .filter(p -> p.id().equals(pipeline.id()))
                .findFirst()
                .orElseThrow());

        assertThat(GridKt._size(list.grid)).isEqualTo(2);
        list.status.setValue(OpportunityStatus.WON);
        assertThat(GridKt._size(list.grid)).isEqualTo(1);
        assertThat(GridKt._get(list.grid, 0).title()).isEqualTo("Pérgola");
        assertThat(GridKt._get(list.grid, 0).accountName()).startsWith("Toldos Mar");
    }
}
