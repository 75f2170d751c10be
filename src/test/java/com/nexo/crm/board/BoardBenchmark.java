package com.nexo.crm.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.crm.CrmFixtures;
import com.nexo.crm.CrmFixtures.Pipeline;
import com.nexo.crm.opportunities.OpportunityFilter;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.security.NexoUser;
import com.nexo.testing.NexoSpringTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board with 20,000 open opportunities in one pipeline of six stages (made set-based in the demo
 * tenant, owners spread over the tenant's employees and accounts over its accounts), measured at the
 * service level: p50 / p95 of the first render of every column (totals, 20 cards per column with
 * account and owner names), the same with a search, the totals alone, and moving a card to the next
 * stage. The generated opportunities are deleted at the end.
 *
 * <pre>./mvnw -B verify -Dtest=BoardBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -DskipITs</pre>
 *
 * Size: -Dnexo.benchmark.opportunities (20000).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class BoardBenchmark {

    private static final String GENERATE = """
            WITH accounts AS (SELECT array_agg(id) AS ids FROM (SELECT id FROM account ORDER BY id LIMIT 500) a),
                 owners AS (SELECT array_agg(id) AS ids FROM app_user WHERE actor_type = 'employee')
            INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, amount, probability,
                                         expected_close, owner_id)
            SELECT gen_random_uuid(), 'Oportunidad ' || g, :pipeline,
                   (CAST(:stages AS uuid[]))[1 + g % 6], accounts.ids[1 + g % cardinality(accounts.ids)],
                   500 + (g % 97) * 125, (CAST(:probabilities AS int[]))[1 + g % 6], DATE '2027-01-01' + (g % 365),
                   owners.ids[1 + g % cardinality(owners.ids)]
              FROM generate_series(1, :count) g, accounts, owners
            """;

    @Autowired
    ApplicationContext context;

    @Autowired
    BoardService board;

    @Autowired
    OpportunityService opportunities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Flyway flyway;

    @Test
    void measure() {
        int count = Integer.getInteger("nexo.benchmark.opportunities", 20_000);
        CrmFixtures fixtures = new CrmFixtures(context);
        Pipeline pipeline = fixtures.pipeline();
        UUID fifth = fixtures.asSystem(() ->
                context.getBean(com.nexo.crm.pipelines.PipelineService.class).addStage(pipeline.id(), "Verbal", 95));
        UUID sixth = fixtures.asSystem(() ->
                context.getBean(com.nexo.crm.pipelines.PipelineService.class).addStage(pipeline.id(), "Contract", 98));
        List<UUID> stages = new java.util.ArrayList<>(pipeline.stages());
        stages.add(fifth);
        stages.add(sixth);
        NexoUser manager = fixtures.employee("Benchmark manager", CrmFixtures.ALL);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long started = System.nanoTime();
        fixtures.asSystem(() -> tx.execute(status -> jdbc.sql(GENERATE)
                .param("pipeline", pipeline.id())
                .param("stages", stages.toArray(UUID[]::new))
                .param("probabilities", new Integer[] {10, 30, 60, 90, 95, 98})
                .param("count", count)
                .update()));
        VolumeBenchmark.analyze(flyway, "crm_opportunity, crm_stage");
        System.out.printf(
                Locale.ROOT,
                "%nGenerated %d open opportunities in %.1f s%n",
                count,
                (System.nanoTime() - started) / 1e9);

        OpportunityFilter filter = OpportunityFilter.pipeline(pipeline.id());
        Board first = fixtures.as(manager, () -> board.board(filter, 20));
        assertThat(first.columns()).hasSize(6);
        assertThat(first.columns().stream().mapToLong(c -> c.totals().count()).sum())
                .isEqualTo(count);
        NexoUser own = fixtures.employee("Benchmark salesperson", CrmFixtures.OWN);
        UUID someOwner = first.columns().getFirst().cards().getFirst().ownerId();

        System.out.println();
        System.out.println("| what (service level, " + count + " open opportunities) | p50 / p95 ms |");
        System.out.println("|---|---|");
        row(
                "first render: 6 columns, totals + 20 cards each, names (sees all)",
                fixtures.as(manager, () -> VolumeBenchmark.times(() -> board.board(filter, 20))));
        OpportunityFilter search = new OpportunityFilter(pipeline.id(), null, null, null, null, "Oportunidad 1");
        row(
                "first render with a search over titles and account names",
                fixtures.as(manager, () -> VolumeBenchmark.times(() -> board.board(search, 20))));
        OpportunityFilter owner = new OpportunityFilter(pipeline.id(), someOwner, null, null, null, null);
        row(
                "first render filtered by one owner",
                fixtures.as(manager, () -> VolumeBenchmark.times(() -> board.board(owner, 20))));
        row(
                "first render as a salesperson who sees only its own (none)",
                fixtures.as(own, () -> VolumeBenchmark.times(() -> board.board(filter, 20))));
        row(
                "totals of every column (after a drop)",
                fixtures.as(manager, () -> VolumeBenchmark.times(() -> board.totals(filter))));
        row(
                "\"more\" of one column (20 cards after the first 20)",
                fixtures.as(
                        manager,
                        () -> VolumeBenchmark.times(() -> board.column(
                                stages.getFirst(),
                                filter,
                                first.columns().getFirst().next(),
                                20))));

        Deque<Map<String, Object>> cards = new ArrayDeque<>(fixtures.asSystem(() -> tx.execute(status -> jdbc.sql("""
                        SELECT id, stage_id, version FROM crm_opportunity
                         WHERE pipeline_id = :pipeline AND stage_id <> :last ORDER BY id LIMIT :n""")
                .param("pipeline", pipeline.id())
                .param("last", sixth)
                .param("n", VolumeBenchmark.WARM_UP + VolumeBenchmark.RUNS)
                .query()
                .listOfRows())));
        row(
                "move a card to the next stage (version check, event, history)",
                fixtures.as(
                        manager,
                        () -> VolumeBenchmark.times(() -> {
                            Map<String, Object> card = cards.pop();
                            UUID to = stages.get(stages.indexOf((UUID) card.get("stage_id")) + 1);
                            return opportunities.moveToStage((UUID) card.get("id"), to, (Long) card.get("version"));
                        })));
        System.out.println();

        fixtures.asSystem(() -> tx.execute(status -> jdbc.sql("DELETE FROM crm_opportunity WHERE pipeline_id = :p")
                .param("p", pipeline.id())
                .update()));
    }

    private static void row(String what, long[] nanos) {
        System.out.println("| " + what + " | " + VolumeBenchmark.percentiles(nanos) + " |");
    }
}
