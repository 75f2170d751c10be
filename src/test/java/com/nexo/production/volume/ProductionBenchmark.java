package com.nexo.production.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.production.boms.BomExplosion;
import com.nexo.production.boms.CostRollUp;
import com.nexo.production.orders.OrderForm;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The production benchmark of issue 15 (not part of the normal build; see the README "Production
 * benchmarks"): generates the bills in the demo tenant of the run's throw-away database
 * ({@link ProductionVolumeGenerator}: a bill five levels deep with 2,000 lines, 10,000 bills over
 * shared inputs in four levels, an article whose bill needs 200 stocked inputs), then prints
 *
 * <ul>
 *   <li>the explosion of the deep bill, p50 / p95 (target p95 &lt; 50 ms): {@link BomExplosion} as the
 *       demo production user, and beside it one recursive statement that explodes the same tree on a
 *       bound connection of the application role;
 *   <li>the roll-up of every bill of the tenant ({@link CostRollUp#rollUpAll}, target &lt; 10 s), three
 *       times;
 *   <li>create and release of an order of the wide article, p50 / p95 (target p95 &lt; 200 ms): {@link
 *       ProductionOrderService} (create, then release: 200 reservations), and beside it the statements
 *       that stand for its work (the released order with its 200 materials from the bill, and the
 *       availability of the 200 inputs), rolled back at the end.
 * </ul>
 *
 * <pre>./mvnw -B test -Dtest=ProductionBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 *
 * Sizes: -Dnexo.benchmark.levels (5), .branching (3), .lines (2000), .bills (10000), .billLevels (4),
 * .inputs (200).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class ProductionBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String PRODUCTION_USER = "produccion@demo.nexo";

    /** The bill in force on :date for an article (the latest active version). */
    private static final String IN_FORCE = """
            SELECT b.id FROM production_bom b
             WHERE b.article_id = %s AND b.status = 'ACTIVE' AND b.valid_from <= :date
               AND (b.valid_to IS NULL OR b.valid_to >= :date)
             ORDER BY b.valid_from DESC, b.revision DESC LIMIT 1
            """;

    /** The whole tree of the bill in force, quantities for :quantity units with every level's scrap. */
    private static final String EXPLODE =
            """
            WITH RECURSIVE tree AS (
                SELECT l.id, NULL::uuid AS parent_id, 1 AS level, lpad(l.position::text, 4, '0') AS path,
                       l.line_kind, l.article_id, l.quantity, l.scrap_percent,
                       :quantity * l.quantity * 100 / (100 - l.scrap_percent) AS total
                  FROM production_bom_line l
                 WHERE l.bom_id = (%s)
                UNION ALL
                SELECT c.id, t.id, t.level + 1, t.path || '.' || lpad(c.position::text, 4, '0'),
                       c.line_kind, c.article_id, c.quantity, c.scrap_percent,
                       t.total * c.quantity * 100 / (100 - c.scrap_percent)
                  FROM tree t
                 CROSS JOIN LATERAL (%s) b
                  JOIN production_bom_line c ON c.bom_id = b.id
                 WHERE t.line_kind = 'MATERIAL'
            )
            SELECT * FROM tree ORDER BY path
            """.formatted(IN_FORCE.formatted(":article"), IN_FORCE.formatted("t.article_id"));

    /** The released order and its materials from the bill in force, in one statement. */
    private static final String ORDER_WITH_MATERIALS = """
            WITH o AS (
                INSERT INTO production_order (id, series, number_year, number, status, article_id, bom_id, quantity,
                                              due_date, warehouse_id, released_at)
                SELECT gen_random_uuid(), 'BENCH', 2020, 'BENCH-' || gen_random_uuid(), 'RELEASED', :article, (%s), 1,
                       :date, :warehouse, now()
                RETURNING id, bom_id
            )
            INSERT INTO production_order_material (id, order_id, position, bom_line_id, article_id, required_quantity)
            SELECT gen_random_uuid(), o.id, l.position, l.id, l.article_id, l.quantity * 100 / (100 - l.scrap_percent)
              FROM o JOIN production_bom_line l ON l.bom_id = o.bom_id
            RETURNING id
            """.formatted(IN_FORCE.formatted(":article"));

    /** What of each input of the bill is available in the warehouse. */
    private static final String AVAILABLE = """
            SELECT l.article_id, coalesce(s.on_hand - s.reserved, 0) AS available
              FROM production_bom_line l
              LEFT JOIN stock_balance s ON s.article_id = l.article_id AND s.warehouse_id = :warehouse
             WHERE l.bom_id = (%s)
            """.formatted(IN_FORCE.formatted(":article"));

    @Autowired
    private ProductionVolumeGenerator generator;

    @Autowired
    private BomExplosion explosion;

    @Autowired
    private CostRollUp rollUp;

    @Autowired
    private ProductionOrderService orders;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Flyway flyway;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void measure() throws SQLException {
        ProductionVolumeGenerator.VolumeSpec spec = new ProductionVolumeGenerator.VolumeSpec(
                Integer.getInteger("nexo.benchmark.levels", 5),
                Integer.getInteger("nexo.benchmark.branching", 3),
                Integer.getInteger("nexo.benchmark.lines", 2_000),
                Integer.getInteger("nexo.benchmark.bills", 10_000),
                Integer.getInteger("nexo.benchmark.billLevels", 4),
                Integer.getInteger("nexo.benchmark.inputs", 200),
                1_000_000);
        long started = System.nanoTime();
        ProductionVolumeGenerator.Volume volume =
                TenantContext.callAsSystem(DEMO_TENANT, null, () -> generator.generate(spec));
        System.out.printf(
                Locale.ROOT,
                "%nGenerated in %.1f s: %d articles, %d bills, %d lines%n",
                (System.nanoTime() - started) / 1e9,
                volume.articles(),
                volume.bills(),
                volume.lines());
        analyze();
        VolumeBenchmark benchmark = new VolumeBenchmark(users, PRODUCTION_USER);
        LocalDate today = LocalDate.now();

        try (Connection connection = TestDatabase.asApplicationRole()) {
            connection.setAutoCommit(false);
            benchmark.bind(connection, DEMO_TENANT);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            Map<String, Object> deep = Map.of("article", volume.deepTop(), "date", today, "quantity", BigDecimal.ONE);
            VolumeBenchmark.printPlanAndHeader("Explosion plan", sql, EXPLODE, deep);
            int exploded = benchmark
                    .asUser(() -> explosion.explode(volume.deepTop(), BigDecimal.ONE, today))
                    .size();
            assertThat(exploded).as("lines of the exploded deep bill").isEqualTo(spec.lines());
            benchmark.report(
                    "explosion of a bill " + spec.levels() + " levels deep with " + spec.lines() + " lines",
                    () -> explosion.explode(volume.deepTop(), BigDecimal.ONE, today),
                    () -> sql.sql(EXPLODE).params(deep).query().listOfRows());

            for (int run = 1; run <= 3; run++) {
                long rollUpStarted = System.nanoTime();
                int written = benchmark.asUser(rollUp::rollUpAll);
                System.out.printf(
                        Locale.ROOT,
                        "| roll-up of every bill (%d bills generated), run %d | %.0f ms | – | %d |%n",
                        volume.bills(),
                        run,
                        (System.nanoTime() - rollUpStarted) / 1e6,
                        written);
            }

            Map<String, Object> wide =
                    Map.of("article", volume.wideArticle(), "date", today, "warehouse", volume.warehouse());
            benchmark.report(
                    "create and release of an order needing " + spec.wideInputs() + " stocked inputs",
                    () -> {
                        UUID order = orders.create(new OrderForm(
                                volume.wideArticle(),
                                BigDecimal.ONE,
                                today.plusDays(7),
                                volume.warehouse(),
                                null,
                                null));
                        long version = new TransactionTemplate(transactionManager)
                                .execute(status -> jdbc.sql("SELECT version FROM production_order WHERE id = :id")
                                        .param("id", order)
                                        .query(Long.class)
                                        .single());
                        return orders.release(order, version);
                    },
                    () -> {
                        List<Map<String, Object>> available =
                                sql.sql(AVAILABLE).params(wide).query().listOfRows();
                        assertThat(available).hasSize(spec.wideInputs());
                        return sql.sql(ORDER_WITH_MATERIALS)
                                .params(wide)
                                .query()
                                .listOfRows();
                    });
            connection.rollback();
        }
    }

    private void analyze() {
        VolumeBenchmark.analyze(
                flyway, "article, production_bom, production_bom_line, production_standard_cost, stock_balance");
    }
}
