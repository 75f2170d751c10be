package com.nexo.purchasing.replenish;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.replenishment.ReplenishmentOrdering.Summary;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.testing.NexoSpringTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Purchasing: replenishment to orders" (README; not part of the normal build): a warehouse with
 * {@code nexo.benchmark.lines} (20,000) articles below their minimum, spread over {@code
 * nexo.benchmark.suppliers} (50) default suppliers, plus a few without one, in the demo tenant of the
 * run's throw-away database; then one call of {@link ReplenishmentOrders#createPurchaseOrders} as the
 * demo administrator, timed as a whole (service time: transaction, permission check, reading the list,
 * grouping, totals, both inserts, the on-order refresh and the commit) and per SQL part. Every
 * supplied article has its supplier's entry (a last price, a lead time and three quantity breaks)
 * unless {@code -Dnexo.benchmark.supplier-prices=false}, so the suppliers' prices are looked up for real.
 *
 * <pre>./mvnw -B test -Dtest=ReplenishmentOrdersBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class ReplenishmentOrdersBenchmark {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ReplenishmentOrders orders;

    @Autowired
    private ReplenishmentService replenishment;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Flyway flyway;

    @Test
    void measure() throws SQLException {
        int lines = Integer.getInteger("nexo.benchmark.lines", 20_000);
        int suppliers = Integer.getInteger("nexo.benchmark.suppliers", 50);
        int withoutSupplier = Integer.getInteger("nexo.benchmark.without-supplier", 500);
        ReplenishFixture fixture = new ReplenishFixture(context);

        // A small run first, in a warehouse of its own: the JIT and the connection pool warm up.
        UUID warmUp = fixture.warehouse();
        long started = System.nanoTime();
        generate(fixture, warmUp, "W", 500, 5, 10);
        UUID warehouse = fixture.warehouse();
        generate(fixture, warehouse, "B", lines, suppliers, withoutSupplier);
        double generation = (System.nanoTime() - started) / 1e9;
        fixture.asAdmin(() -> orders.createPurchaseOrders(warmUp, null));
        analyze();
        long below = fixture.asAdmin(() -> replenishment.countBelowMinimum(warehouse));

        long call = System.nanoTime();
        Summary summary = fixture.asAdmin(() -> orders.createPurchaseOrders(warehouse, null));
        double service = (System.nanoTime() - call) / 1e6;
        ReplenishmentOrders.Timing timing = ReplenishmentOrders.lastTiming();
        double terms = ReplenishmentOrders.lastTermsNanos() / 1e6;

        System.out.printf(
                Locale.ROOT,
                "%nGenerated in %.1f s: %s articles below their minimum (%d with a supplier, %d suppliers)%n"
                        + "%n| measurement | ms |%n|---|---|%n"
                        + "| service time, whole call (%d orders, %d lines, %d without supplier) | %.0f |%n"
                        + "| SQL: read the below-minimum list (one query, rows mapped) | %.0f |%n"
                        + "| SQL: insert headers and lines (two INSERT ... SELECT over arrays) | %.0f |%n"
                        + "| SQL: on order: incoming of the new drafts added (one upsert) | %.0f |%n"
                        + "| SQL total | %.0f |%n"
                        + "| suppliers' prices, lead times and e-mails (two queries, in bulk; in the service time) | %.0f |%n",
                generation,
                below > ReplenishmentService.COUNT_CAP ? "more than " + ReplenishmentService.COUNT_CAP : below,
                lines,
                suppliers,
                summary.orders(),
                summary.lines(),
                summary.skippedWithoutSupplier(),
                service,
                timing.readNanos() / 1e6,
                timing.writeNanos() / 1e6,
                timing.onOrderNanos() / 1e6,
                timing.sqlNanos() / 1e6,
                terms);

        assertThat(summary.lines()).isEqualTo(lines);
        assertThat(summary.orders()).isEqualTo(suppliers);
        assertThat(summary.skippedWithoutSupplier()).isEqualTo(withoutSupplier);
        assertThat(fixture.asAdmin(() -> replenishment.countBelowMinimum(warehouse)))
                .isEqualTo(withoutSupplier);
        // The target (issue 14): 20,000 lines in under 5 s. -Dnexo.benchmark.limit-ms=0 only reports.
        long limit = Long.getLong("nexo.benchmark.limit-ms", 5_000);
        System.out.printf(Locale.ROOT, "%nLoad average while measuring: %s%n", loadAverage());
        if (limit > 0) {
            assertThat(service).as("draft orders in under %d ms", limit).isLessThan(limit);
        }
    }

    /**
     * {@code count} articles with levels in {@code warehouse} and nothing on hand (all below their
     * minimum), the first {@code count - withoutSupplier} bought from one of {@code suppliers} new
     * suppliers: set-based, through the application's role.
     */
    private void generate(
            ReplenishFixture fixture, UUID warehouse, String prefix, int count, int suppliers, int withoutSupplier) {
        String run = prefix + fixture.tag();
        UUID[] supplierIds = new UUID[suppliers];
        for (int i = 0; i < suppliers; i++) {
            supplierIds[i] = fixture.supplier("Proveedor " + (i + 1));
        }
        if (count == 0) {
            return;
        }
        UUID unit = fixture.inTransaction(() -> jdbc.sql("SELECT id FROM unit_of_measure WHERE code = 'ud'")
                .query(UUID.class)
                .single());
        fixture.inTransaction(() -> {
            jdbc.sql("""
                            INSERT INTO article (id, code, kind, name_es, name_en, unit_id, sale_price, cost, tax_rate,
                                                 default_supplier_id, stock_tracked)
                            SELECT gen_random_uuid(), :run || '-' || lpad(g::text, 6, '0'), 'goods',
                                   'Artículo ' || g, 'Article ' || g, :unit, 10, 1 + (g % 50) / 10.0,
                                   CASE WHEN g % 4 = 0 THEN 10 ELSE 21 END,
                                   CASE WHEN g <= :withSupplier THEN (CAST(:suppliers AS uuid[]))[1 + g % :supplierCount] END,
                                   true
                              FROM generate_series(1, :count) g
                            """)
                    .param("run", run)
                    .param("unit", unit)
                    .param("withSupplier", count + withoutSupplier)
                    .param("suppliers", supplierIds)
                    .param("supplierCount", Math.max(1, suppliers))
                    .param("count", count + withoutSupplier)
                    .update();
            return jdbc.sql("""
                            INSERT INTO stock_level (article_id, warehouse_id, min_quantity, max_quantity)
                            SELECT a.id, :w, 5, 5 + (a.code_number % 40)
                              FROM (SELECT id, right(code, 6)::integer AS code_number FROM article WHERE code LIKE :like) a
                            """).param("w", warehouse).param("like", run + "-%").update();
        });
        // The last withoutSupplier articles have no supplier.
        fixture.inTransaction(() -> jdbc.sql("""
                        UPDATE article SET default_supplier_id = NULL
                         WHERE code LIKE :like AND right(code, 6)::integer > :withSupplier
                        """)
                .param("like", run + "-%")
                .param("withSupplier", count)
                .update());
        if (Boolean.parseBoolean(System.getProperty("nexo.benchmark.supplier-prices", "true"))) {
            supplierPrices(fixture, run);
        }
    }

    /** Each supplied article's entry with its supplier: code, lead time, last price, breaks at 1, 10 and 25. */
    private void supplierPrices(ReplenishFixture fixture, String run) {
        fixture.inTransaction(() -> {
            jdbc.sql("""
                            INSERT INTO purchase_supplier_article (id, supplier_id, article_id, supplier_code,
                                                                   lead_time_days, last_price, last_price_on)
                            SELECT gen_random_uuid(), a.default_supplier_id, a.id, 'S-' || a.code,
                                   1 + right(a.code, 6)::integer % 30, a.cost, DATE '2026-11-01'
                              FROM article a
                             WHERE a.code LIKE :like AND a.default_supplier_id IS NOT NULL
                            """).param("like", run + "-%").update();
            return jdbc.sql("""
                            INSERT INTO purchase_supplier_price_break (supplier_article_id, min_quantity, unit_price)
                            SELECT sa.id, b.min_quantity, round(a.cost * b.factor, 4)
                              FROM purchase_supplier_article sa
                              JOIN article a ON a.id = sa.article_id
                             CROSS JOIN (VALUES (1, 1.0), (10, 0.95), (25, 0.9)) AS b(min_quantity, factor)
                             WHERE a.code LIKE :like
                            """).param("like", run + "-%").update();
        });
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private void analyze() throws SQLException {
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("ANALYZE article, stock_balance, stock_level, purchase_document, purchase_document_line,"
                    + " purchase_supplier_article, purchase_supplier_price_break");
        }
    }
}
