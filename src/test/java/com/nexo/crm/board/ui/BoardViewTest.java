package com.nexo.crm.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.crm.board.ui.BoardView.BoardCard;
import com.nexo.crm.board.ui.BoardView.StageColumn;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStatus;
import com.nexo.crm.opportunities.ui.LostDialog;
import com.nexo.crm.opportunities.ui.OpportunityListView;
import com.nexo.crm.pipelines.PipelineRow;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.ui.CrmSettingsView;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dnd.DragEndEvent;
import com.vaadin.flow.component.dnd.DragStartEvent;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.router.AccessDeniedException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The board in Karibu: columns with totals, cards dragged between columns, refusals, quick actions. */
class BoardViewTest extends KaribuTest {

    @Autowired
    OpportunityService opportunities;

    @Autowired
    PipelineService pipelines;

    private CrmFixtures fixtures;
    private Pipeline pipeline;
    private UUID account;

    @BeforeEach
    void aPipelineWithCards() {
        fixtures = new CrmFixtures(context);
        pipeline = fixtures.pipeline();
        account = fixtures.account(CrmFixtures.unique("Reformas Luna"));
        fixtures.opportunity(pipeline, 0, account, null, "Baño", "1000");
        fixtures.opportunity(pipeline, 0, account, null, "Cocina", "3000");
        fixtures.opportunity(pipeline, 2, account, null, "Terraza", "500");
        login(CrmFixtures.ADMIN);
    }

    @Test
    void the_board_shows_a_column_per_stage_with_its_count_expected_revenue_and_cards() {
        BoardView board = open();

        List<StageColumn> columns = board.stageColumns();
        assertThat(columns)
                .extracting(c -> c.stage.name())
                .containsExactly("Qualification", "Proposal", "Negotiation", "Commit");
        assertThat(columns.get(0).count.getText()).isEqualTo("2");
        assertThat(columns.get(0).expected.getText()).startsWith("Previsto").contains("400");
        assertThat(BoardView.titles(columns.get(0))).containsExactly("Baño", "Cocina");
        assertThat(columns.get(2).count.getText()).isEqualTo("1");
        assertThat(columns.get(1).count.getText()).isEqualTo("0");
    }

    @Test
    void dropping_a_card_on_another_column_moves_it_and_updates_the_totals_of_both() {
        BoardView board = open();
        StageColumn from = board.stageColumns().get(0);
        StageColumn to = board.stageColumns().get(3);
        BoardCard card = from.cardList().get(1);

        drag(card, to);

        assertThat(BoardView.titles(from)).containsExactly("Baño");
        assertThat(BoardView.titles(to)).containsExactly("Cocina");
        assertThat(from.count.getText()).isEqualTo("1");
        assertThat(from.expected.getText()).contains("100");
        assertThat(to.count.getText()).isEqualTo("1");
        assertThat(to.expected.getText()).contains("2.700");
        assertThat(opportunities.find(card.row.id()).orElseThrow().stageId()).isEqualTo(pipeline.stage(3));
    }

    @Test
    void a_drop_of_a_card_someone_else_changed_meanwhile_is_refused_with_a_translated_notice() {
        BoardView board = open();
        BoardCard card = board.stageColumns().get(0).cardList().getFirst();
        fixtures.asSystem(() -> opportunities.moveToStage(card.row.id(), pipeline.stage(1), card.row.version()));

        drag(card, board.stageColumns().get(3));

        expectNotifications(
                "Otra persona ha cambiado esta oportunidad mientras tanto. Se ha vuelto a cargar: revísala y vuelve a intentarlo.");
        // The board shows what is now true: the card where the other person put it.
        assertThat(BoardView.titles(board.stageColumns().get(1))).containsExactly("Baño");
        assertThat(board.stageColumns().get(3).count.getText()).isEqualTo("0");
    }

    @Test
    void a_card_can_be_won_or_lost_with_a_reason_from_its_quick_actions() {
        UUID reason = fixtures.lostReason();
        BoardView board = open();
        BoardCard won = board.stageColumns().get(0).cardList().getFirst();

        board.win(won);
        assertThat(opportunities.find(won.row.id()).orElseThrow().status()).isEqualTo(OpportunityStatus.WON);
        assertThat(board.stageColumns().get(0).count.getText()).isEqualTo("1");

        BoardCard lost = board.stageColumns().get(2).cardList().getFirst();
        LostDialog dialog = board.lose(lost);
        Button confirm = dialog.confirm;
        assertThat(confirm.getText()).isEqualTo("Marcar como perdida");
        _click(confirm);
        assertThat(opportunities.find(lost.row.id()).orElseThrow().status()).isEqualTo(OpportunityStatus.OPEN);
        dialog.reason.setValue(pipelines.activeLostReasons().stream()
                .filter(r -> r.id().equals(reason))
                .findFirst()
                .orElseThrow());
        _click(confirm);
        assertThat(opportunities.find(lost.row.id()).orElseThrow().status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(board.stageColumns().get(2).count.getText()).isEqualTo("0");
    }

    @Test
    void a_user_without_crm_permissions_is_refused_the_board_the_list_and_the_settings() {
        switchUser("compras@demo.nexo");

        assertThatThrownBy(() -> UI.getCurrent().navigate(BoardView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpportunityListView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(CrmSettingsView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        _assertNone(BoardView.class);
    }

    private BoardView open() {
        UI.getCurrent().navigate(BoardView.class);
        BoardView board = _get(BoardView.class);
        board.pipeline.setValue(row(pipeline.id()));
        return board;
    }

    private PipelineRow row(UUID id) {
        return pipelines.pipelines().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** What the browser sends for a drag and drop: drag start on the card, drop on the column, drag end. */
    static void drag(BoardCard card, StageColumn target) {
        ComponentUtil.fireEvent(card, new DragStartEvent<>(card, true));
        ComponentUtil.fireEvent(target, new DropEvent<>(target, true, "move"));
        ComponentUtil.fireEvent(card, new DragEndEvent<>(card, true, "move"));
    }
}
