package com.nexo.crm.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.Page;
import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.crm.opportunities.OpportunityFilter;
import com.nexo.crm.opportunities.OpportunityRow;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.security.NexoUser;
import com.nexo.testing.NexoSpringTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The board through the service as the application role: columns, totals, more cards, filters, visibility. */
@NexoSpringTest
class BoardServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    BoardService board;

    @Autowired
    OpportunityService opportunities;

    private CrmFixtures fixtures;
    private Pipeline pipeline;
    private UUID account;
    private NexoUser manager;

    @BeforeEach
    void aPipelineWithAFewOpportunities() {
        fixtures = new CrmFixtures(context);
        pipeline = fixtures.pipeline();
        account = fixtures.account(CrmFixtures.unique("Talleres Ruiz"));
        manager = fixtures.employee("Marta Gil", CrmFixtures.ALL);
    }

    @Test
    void every_active_stage_is_a_column_with_its_count_amount_expected_revenue_and_first_cards() {
        for (int i = 0; i < 3; i++) {
            fixtures.opportunity(pipeline, 0, account, manager.userId(), "Q" + i, "100");
        }
        fixtures.opportunity(pipeline, 2, account, manager.userId(), "N", "1000");
        UUID won = fixtures.opportunity(pipeline, 2, account, manager.userId(), "Won", "5000");
        fixtures.as(manager, () -> opportunities.win(won, 0));

        Board shown = fixtures.as(manager, () -> board.board(OpportunityFilter.pipeline(pipeline.id()), 2));

        assertThat(shown.columns())
                .extracting(c -> c.stage().name())
                .containsExactly("Qualification", "Proposal", "Negotiation", "Commit");
        BoardColumn first = shown.columns().get(0);
        assertThat(first.totals().count()).isEqualTo(3);
        assertThat(first.totals().amount()).isEqualByComparingTo("300");
        assertThat(first.totals().expected()).isEqualByComparingTo("30");
        assertThat(first.cards()).hasSize(2);
        assertThat(first.cards().getFirst().accountName()).startsWith("Talleres Ruiz");
        assertThat(first.cards().getFirst().ownerName()).isEqualTo("Marta Gil");
        assertThat(first.next()).isNotNull();
        BoardColumn negotiation = shown.columns().get(2);
        assertThat(negotiation.totals().count()).isEqualTo(1);
        assertThat(negotiation.totals().expected()).isEqualByComparingTo("600");
        assertThat(negotiation.next()).isNull();
        assertThat(shown.columns().get(1).totals().count()).isZero();

        Page<OpportunityRow> more = fixtures.as(
                manager,
                () -> board.column(pipeline.stage(0), OpportunityFilter.pipeline(pipeline.id()), first.next(), 2));
        assertThat(more.rows()).hasSize(1).noneMatch(row -> first.cards().contains(row));
        assertThat(more.next()).isNull();
    }

    @Test
    void a_moved_card_changes_the_totals_of_both_columns() {
        UUID id = fixtures.opportunity(pipeline, 0, account, manager.userId(), "Mover", "200");
        OpportunityFilter filter = OpportunityFilter.pipeline(pipeline.id());

        fixtures.as(manager, () -> opportunities.moveToStage(id, pipeline.stage(3), 0));

        var totals = fixtures.as(manager, () -> board.totals(filter));
        assertThat(totals.get(pipeline.stage(0))).isNull();
        assertThat(totals.get(pipeline.stage(3)).count()).isEqualTo(1);
        assertThat(totals.get(pipeline.stage(3)).expected()).isEqualByComparingTo("180");
    }

    @Test
    void filters_and_visibility_apply_to_cards_and_totals_alike() {
        NexoUser own = fixtures.employee("Pablo", CrmFixtures.OWN);
        UUID other = fixtures.account(CrmFixtures.unique("Hierros Soto"));
        fixtures.opportunity(pipeline, 0, account, manager.userId(), "Del jefe", "100");
        fixtures.opportunity(pipeline, 0, other, own.userId(), "De Pablo", "50");

        Board mine = fixtures.as(own, () -> board.board(OpportunityFilter.pipeline(pipeline.id()), 10));
        assertThat(mine.columns().get(0).cards())
                .extracting(OpportunityRow::title)
                .containsExactly("De Pablo");
        assertThat(mine.columns().get(0).totals().amount()).isEqualByComparingTo("50");

        OpportunityFilter search = new OpportunityFilter(pipeline.id(), null, null, null, null, "Hierros Soto");
        Board found = fixtures.as(manager, () -> board.board(search, 10));
        assertThat(found.columns().get(0).cards())
                .extracting(OpportunityRow::title)
                .containsExactly("De Pablo");
        assertThat(found.columns().get(0).totals().count()).isEqualTo(1);

        OpportunityFilter byOwner = new OpportunityFilter(pipeline.id(), manager.userId(), null, null, null, null);
        Board owned = fixtures.as(manager, () -> board.board(byOwner, 10));
        assertThat(owned.columns().get(0).cards())
                .extracting(OpportunityRow::title)
                .containsExactly("Del jefe");
    }
}
