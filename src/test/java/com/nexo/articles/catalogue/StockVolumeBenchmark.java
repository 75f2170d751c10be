package com.nexo.articles.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockSort;
import com.nexo.base.paging.Sort;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The benchmark of issue 5 (not part of the normal build; see the README): generates a large
 * catalogue and ledger in the demo tenant of the run's throw-away database, then measures the p95 of
 * on hand for an article with a long ledger, a category subtree page over all generated articles,
 * and the below-minimum list — through the services (transaction, context binding, permission
 * check, mapping) and as the same SQL on an open, bound connection of the application role.
 *
 * <pre>./mvnw -B test -Dtest=StockVolumeBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Sizes: -Dnexo.benchmark.articles (200000), .hot (100000 movements of one article), .spread
 * (200000 receipts over the other articles), .families/.subfamilies/.leaves (20/10/10).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class StockVolumeBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String ADMIN = "admin@demo.nexo";
    private static final int WARM_UP = 5;
    private static final int RUNS = 60;

    @Autowired
    private ArticleVolumeGenerator generator;

    @Autowired
    private StockService stock;

    @Autowired
    private ArticleService articles;

    @Autowired
    private ReplenishmentService replenishment;

    @Autowired
    private StockListService stockLists;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private Flyway flyway;

    @Test
    void measure() throws SQLException {
        ArticleVolumeGenerator.VolumeSpec spec = new ArticleVolumeGenerator.VolumeSpec(
                "B" + Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT),
                Integer.getInteger("nexo.benchmark.families", 20),
                Integer.getInteger("nexo.benchmark.subfamilies", 10),
                Integer.getInteger("nexo.benchmark.leaves", 10),
                Integer.getInteger("nexo.benchmark.articles", 200_000),
                Integer.getInteger("nexo.benchmark.hot", 100_000),
                Integer.getInteger("nexo.benchmark.spread", 200_000),
                Integer.getInteger("nexo.benchmark.levels-every", 10));
        long started = System.nanoTime();
        ArticleVolumeGenerator.Volume volume =
                TenantContext.callAsSystem(DEMO_TENANT, null, () -> generator.generate(spec));
        double generationSeconds = (System.nanoTime() - started) / 1e9;
        analyze(flyway);

        System.out.printf(
                Locale.ROOT,
                "%nGenerated in %.1f s: %d categories, %d articles, %d movements, %d levels%n",
                generationSeconds,
                volume.categories(),
                volume.articles(),
                volume.movements(),
                volume.levels());

        try (Connection connection = TestDatabase.asApplicationRole()) {
            connection.setAutoCommit(false);
            bindAsAdmin(connection);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));

            String subtreePage = ArticleSearch.COLUMNS + """
                     WHERE a.status = 'active'
                       AND a.category_id IN (SELECT s.id FROM article_category s WHERE s.path LIKE :subtree)
                     ORDER BY a.code LIMIT 50 OFFSET 0
                    """;
            String rootPath = path(sql, volume.rootCategoryId());
            String leafPath = path(sql, volume.someLeafCategoryId());

            System.out.println();
            System.out.println("| measurement | service p95 (ms) | SQL p95 (ms) | rows |");
            System.out.println("|---|---|---|---|");
            report(
                    "on hand, article with " + spec.hotArticleMovements() + " movements (balance row)",
                    () -> stock.position(volume.hotArticleId(), volume.warehouseId()),
                    () -> sql.sql(
                                    "SELECT on_hand, reserved FROM stock_balance WHERE article_id = :a AND warehouse_id = :w")
                            .param("a", volume.hotArticleId())
                            .param("w", volume.warehouseId())
                            .query()
                            .listOfRows(),
                    1);
            report(
                    "same on hand summed from the ledger (audit query)",
                    () -> stock.onHandFromLedger(volume.hotArticleId(), volume.warehouseId()),
                    () -> sql.sql("SELECT coalesce(sum(quantity), 0) FROM stock_movement"
                                    + " WHERE article_id = :a AND warehouse_id = :w")
                            .param("a", volume.hotArticleId())
                            .param("w", volume.warehouseId())
                            .query()
                            .listOfRows(),
                    1);
            report(
                    "subtree page (first 50 by code), root with " + volume.articles() + " articles",
                    () -> articles.listArticles(ArticleQuery.inCategory(volume.rootCategoryId()), 0, 50),
                    () -> sql.sql(subtreePage)
                            .param("subtree", rootPath + "%")
                            .query()
                            .listOfRows(),
                    50);
            report(
                    "subtree page, one leaf category",
                    () -> articles.listArticles(ArticleQuery.inCategory(volume.someLeafCategoryId()), 0, 50),
                    () -> sql.sql(subtreePage)
                            .param("subtree", leafPath + "%")
                            .query()
                            .listOfRows(),
                    -1);
            report(
                    "below-minimum list (first 50), warehouse with " + volume.levels() + " levels",
                    () -> replenishment.page(volume.warehouseId(), null, 50),
                    () -> sql.sql(ReplenishmentService.BELOW_MINIMUM_IN_WAREHOUSE)
                            .param("w", volume.warehouseId())
                            .param("nexo_limit", 51)
                            .query()
                            .listOfRows(),
                    51);
            report(
                    "below-minimum list (first 50), every warehouse",
                    () -> replenishment.page(null, null, 50),
                    () -> sql.sql(ReplenishmentService.BELOW_MINIMUM)
                            .param("nexo_limit", 51)
                            .query()
                            .listOfRows(),
                    51);
            report(
                    "below-minimum count (up to " + ReplenishmentService.COUNT_CAP + "), warehouse",
                    () -> replenishment.countBelowMinimum(volume.warehouseId()),
                    () -> sql.sql("SELECT count(*) FROM (SELECT FROM stock_balance b"
                                    + " WHERE b.below_minimum AND b.warehouse_id = :w LIMIT :cap) c")
                            .param("w", volume.warehouseId())
                            .param("cap", ReplenishmentService.COUNT_CAP + 1)
                            .query()
                            .listOfRows(),
                    1);
            // The stock screens' keyset lists (ListQuery) and the dashboard's latest movements.
            report(
                    "warehouse stock page (first 50 by article code)",
                    () -> stockLists.warehouseStock(
                            volume.warehouseId(), null, Sort.ascending(StockSort.ARTICLE), null, 50),
                    () -> sql.sql("""
                                    SELECT b.article_id, a.code, a.name_es, a.name_en, u.code, u.decimals, b.warehouse_id,
                                           w.code, b.on_hand, b.reserved
                                      FROM stock_balance b
                                      JOIN article a ON a.id = b.article_id
                                      JOIN unit_of_measure u ON u.id = a.unit_id
                                      JOIN warehouse w ON w.id = b.warehouse_id
                                     WHERE b.warehouse_id = :w
                                     ORDER BY a.code, a.id LIMIT 51
                                    """).param("w", volume.warehouseId()).query().listOfRows(),
                    -1);
            report(
                    "movement history page (first 50, newest first), article with " + spec.hotArticleMovements()
                            + " movements",
                    () -> stockLists.movements(volume.hotArticleId(), volume.warehouseId(), null, 50),
                    () -> sql.sql("""
                                    SELECT m.id, m.quantity, m.moved_at FROM stock_movement m
                                     WHERE m.article_id = :a AND m.warehouse_id = :w
                                     ORDER BY m.moved_at DESC, m.id DESC LIMIT 51
                                    """)
                            .param("a", volume.hotArticleId())
                            .param("w", volume.warehouseId())
                            .query()
                            .listOfRows(),
                    51);
            report(
                    "latest 5 movements of the organisation (dashboard)",
                    () -> stockLists.latestMovements(5),
                    () -> sql.sql("SELECT id FROM stock_movement ORDER BY moved_at DESC, id DESC LIMIT 5")
                            .query()
                            .listOfRows(),
                    5);
            report(
                    "below-minimum keyset page (first 50), every warehouse",
                    () -> replenishment.page(null, null, 50),
                    () -> sql.sql(ReplenishmentService.BELOW_MINIMUM)
                            .param("nexo_limit", 51)
                            .query()
                            .listOfRows(),
                    51);
            // The quick search, first page of 50, as the article list asks for it.
            String p = spec.prefix().toUpperCase(Locale.ROOT);
            long middle = volume.articles() / 2 + 7;
            String code = p + "-A" + String.format(Locale.ROOT, "%07d", middle);
            String[][] searches = {
                {"exact code", code, "1"},
                {"code prefix (100 codes)", code.substring(0, code.length() - 2), "50"},
                {"barcode", ArticleVolumeGenerator.barcode(p, middle, sql), "1"},
                {"one whole word", "arandela", "50"},
                {"word prefix", "arand", "50"},
                {"accent-free", "valvula", "50"},
                {"typo", "tornilo m8", "50"},
                {"typo in the English name", "flangee", "50"},
            };
            for (String[] search : searches) {
                report(
                        "search, " + search[0] + " \"" + search[1] + "\", first 50",
                        () -> articles.listArticles(ArticleQuery.matching(search[1]), 0, 50),
                        () -> sql.sql(ArticleSearch.COLUMNS + ArticleSearch.TEXT_JOIN
                                        + " WHERE a.status = 'active' ORDER BY s.ordinal LIMIT 50 OFFSET 0")
                                .param("text", search[1])
                                .param("archivedFlag", Boolean.FALSE)
                                .param("textCap", 50)
                                .param("threshold", ArticleSearch.TYPO_THRESHOLD)
                                .query()
                                .listOfRows(),
                        Integer.parseInt(search[2]));
            }
            connection.rollback();
        }
    }

    private void report(String name, Supplier<?> service, Supplier<java.util.List<?>> direct, int expectedRows) {
        double servicePercentile = LoggedIn.asUser(users, ADMIN, () -> p95(service));
        int[] rows = {0};
        double sqlPercentile = p95(() -> {
            rows[0] = direct.get().size();
            return null;
        });
        if (expectedRows >= 0) {
            assertThat(rows[0]).as(name).isEqualTo(expectedRows);
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %d |%n", name, servicePercentile, sqlPercentile, rows[0]);
    }

    private static double p95(Supplier<?> work) {
        for (int i = 0; i < WARM_UP; i++) {
            work.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
    }

    private static String path(JdbcClient sql, UUID categoryId) {
        return sql.sql("SELECT path FROM article_category WHERE id = :id")
                .param("id", categoryId)
                .query(String.class)
                .single();
    }

    /** Binds the demo administrator's context to the connection's transaction, as the application does. */
    private static void bindAsAdmin(Connection connection) throws SQLException {
        TestContexts.bind(connection, DatabaseContext.system(DEMO_TENANT, null));
        UUID admin = JdbcClient.create(new SingleConnectionDataSource(connection, true))
                .sql("SELECT id FROM app_user WHERE email = :e")
                .param("e", ADMIN)
                .query(UUID.class)
                .single();
        TestContexts.bind(connection, new DatabaseContext(DEMO_TENANT, admin, ActorType.EMPLOYEE, null));
    }

    /**
     * Fresh planner statistics after the bulk load, as autovacuum would gather them shortly after;
     * ANALYZE needs the owner, so this one statement runs on Flyway's connection (the owner's).
     */
    private static void analyze(Flyway flyway) throws SQLException {
        try (Connection owner = flyway.getConfiguration().getDataSource().getConnection();
                Statement statement = owner.createStatement()) {
            statement.execute("ANALYZE article, article_category, stock_movement, stock_balance, stock_level");
        }
    }
}
