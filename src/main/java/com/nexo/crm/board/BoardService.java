package com.nexo.crm.board;

import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.opportunities.OpportunityConditions;
import com.nexo.crm.opportunities.OpportunityFilter;
import com.nexo.crm.opportunities.OpportunityRow;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.opportunities.OpportunityStatus;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kanban board of a pipeline: per active stage, the count, amount and expected revenue of the
 * open opportunities the user sees and the filter lets through, and the first cards soonest close
 * first. Set-based whatever the number of opportunities: one statement for every column's totals,
 * one for every column's first cards (a lateral read per stage over the board index), and one each
 * for the account and owner names of the cards shown.
 */
@Service
public class BoardService {

    /** No column shows more cards at once than this, whatever a caller asks for. */
    public static final int MAX_CARDS = 200;

    private static final String TOTALS = """
            SELECT o.stage_id, count(*) AS n, COALESCE(sum(o.amount), 0) AS amount,
                   COALESCE(sum(o.amount * o.probability / 100.0), 0) AS expected
              FROM crm_opportunity o
             WHERE o.status = 'OPEN' AND o.pipeline_id = :board_pipeline %s
             GROUP BY o.stage_id
            """;

    private static final String FIRST_CARDS = """
            SELECT c.* FROM crm_stage s
             CROSS JOIN LATERAL (
                   SELECT %s FROM crm_opportunity o
                    WHERE o.stage_id = s.id AND o.status = 'OPEN' %s
                    ORDER BY o.expected_close, o.id
                    LIMIT :board_limit) c
             WHERE s.pipeline_id = :board_pipeline AND NOT s.archived
            """;

    private final JdbcClient jdbc;
    private final OpportunityService opportunities;
    private final PipelineService pipelines;

    BoardService(JdbcClient jdbc, OpportunityService opportunities, PipelineService pipelines) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
    }

    /**
     * The board of {@code filter}'s pipeline (which it must name) with up to {@code perColumn} cards
     * per column. The filter's status is ignored: the board shows open opportunities.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Board board(OpportunityFilter filter, int perColumn) {
        OpportunityFilter open = open(filter);
        int limit = Math.max(1, Math.min(perColumn, MAX_CARDS));
        List<StageRow> stages = pipelines.activeStages(open.pipelineId());
        OpportunityConditions conditions = opportunities.conditions(open);
        Map<UUID, ColumnTotals> totals = totals(open.pipelineId(), conditions);
        Map<String, Object> params = conditions.params();
        params.put("board_pipeline", open.pipelineId());
        params.put("board_limit", limit + 1);
        List<OpportunityRow> rows = jdbc.sql(FIRST_CARDS.formatted(OpportunityService.ROW_COLUMNS, conditions.and()))
                .params(params)
                .query(OpportunityService.ROW)
                .list();
        Map<UUID, List<OpportunityRow>> byStage = new HashMap<>();
        for (OpportunityRow row : opportunities.withNames(rows)) {
            byStage.computeIfAbsent(row.stageId(), k -> new ArrayList<>()).add(row);
        }
        List<BoardColumn> columns = new ArrayList<>(stages.size());
        for (StageRow stage : stages) {
            List<OpportunityRow> cards = byStage.getOrDefault(stage.id(), List.of());
            PageCursor next = null;
            if (cards.size() > limit) {
                cards = cards.subList(0, limit);
                OpportunityRow last = cards.getLast();
                next = new PageCursor(last.expectedClose().toString(), last.id());
            }
            columns.add(new BoardColumn(stage, totals.getOrDefault(stage.id(), ColumnTotals.NONE), cards, next));
        }
        return new Board(open.pipelineId(), columns);
    }

    /** The next cards of one column ("more"), after {@code after}. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Page<OpportunityRow> column(UUID stageId, OpportunityFilter filter, PageCursor after, int limit) {
        OpportunityFilter open = open(filter);
        Page<OpportunityRow> page = opportunities
                .conditions(open)
                .applyTo(ListQuery.select(OpportunityService.ROW_COLUMNS).from("crm_opportunity o"))
                .where("o.stage_id = :board_stage", "board_stage", stageId)
                .page(
                        jdbc,
                        ListOrder.keyset("o.expected_close", "date", "o.id", false),
                        after,
                        Math.min(limit, MAX_CARDS),
                        OpportunityService.ROW);
        return new Page<>(opportunities.withNames(page.rows()), page.next());
    }

    /** Every column's totals under the filter, by stage id (what the headers show after a card moved). */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Map<UUID, ColumnTotals> totals(OpportunityFilter filter) {
        OpportunityFilter open = open(filter);
        return totals(open.pipelineId(), opportunities.conditions(open));
    }

    private Map<UUID, ColumnTotals> totals(UUID pipelineId, OpportunityConditions conditions) {
        Map<String, Object> params = conditions.params();
        params.put("board_pipeline", pipelineId);
        Map<UUID, ColumnTotals> totals = new LinkedHashMap<>();
        jdbc.sql(TOTALS.formatted(conditions.and())).params(params).query(rs -> {
            totals.put(
                    rs.getObject("stage_id", UUID.class),
                    new ColumnTotals(
                            rs.getLong("n"),
                            rs.getBigDecimal("amount"),
                            rs.getBigDecimal("expected").setScale(2, java.math.RoundingMode.HALF_UP)));
        });
        return totals;
    }

    private static OpportunityFilter open(OpportunityFilter filter) {
        Objects.requireNonNull(filter.pipelineId(), "the board shows one pipeline");
        return new OpportunityFilter(
                filter.pipelineId(),
                filter.ownerId(),
                filter.closeFrom(),
                filter.closeTo(),
                OpportunityStatus.OPEN,
                filter.text());
    }
}
