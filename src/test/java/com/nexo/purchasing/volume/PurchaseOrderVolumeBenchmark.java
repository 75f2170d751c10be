package com.nexo.purchasing.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.PageCursor;
import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.lists.PurchaseFilter;
import com.nexo.purchasing.lists.PurchaseListService;
import com.nexo.purchasing.lists.PurchaseQuery;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The purchasing lists benchmark of issue 14 (not part of the normal build; see the README
 * "Purchasing: lists benchmark"): generates a year of purchase orders in the demo tenant of the run's
 * throw-away database ({@link PurchaseOrderVolumeGenerator}, 200,000 orders of five lines by default),
 * then prints p50 / p95 of the order list: first page, a page 90 % deep (keyset), filtered by state
 * (to approve: 1 in 20; cancelled: 1 in 20; received: most), by supplier, and searched by supplier
 * name, order number and supplier's reference — through {@link PurchaseListService} as the demo
 * administrator and, where one statement stands for it, that SQL on a bound connection of the
 * application role.
 *
 * <pre>./mvnw -B test -Dtest=PurchaseOrderVolumeBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 *
 * Sizes: -Dnexo.benchmark.orders (200000), .lines (5 per order), .year (the year before last),
 * .batch (5000 orders per transaction).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class PurchaseOrderVolumeBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String ADMIN = "admin@demo.nexo";

    /** The order list's columns and order, as a keyset page reads them (51 rows: 50 and "more?"). */
    private static final String LIST = """
            SELECT id, number, document_date, supplier_name, status, expected_date, total_amount, currency,
                   (SELECT round(100 * sum(least(l.received_quantity, l.quantity)) / nullif(sum(l.quantity), 0), 1)
                      FROM purchase_document_line l WHERE l.document_id = d.id) AS received
              FROM purchase_document d
             WHERE kind = 'ORDER' %s
             ORDER BY document_date DESC, id DESC
             LIMIT 51
            """;

    private static final String FIRST_PAGE = LIST.formatted("");
    private static final String PAGE_AFTER = LIST.formatted("AND (document_date, id) < (:date, :id)");
    private static final String BY_STATUS = LIST.formatted("AND status = :status");
    private static final String BY_SUPPLIER = LIST.formatted("AND supplier_id = :supplier");
    private static final String BY_TEXT =
            LIST.formatted("AND search_text LIKE (SELECT '%' || nexo_like_escape(nexo_search_key(:text)) || '%')");
    private static final String BY_IDS = LIST.formatted("AND id IN (:ids)");
    private static final String NAMES_EXCEED = "SELECT nexo_purchase_document_names_exceed('ORDER', :text, 1000)";
    private static final String FIRST_MATCHES = "SELECT nexo_purchase_document_search_first('ORDER', :text, 1001)";

    @Autowired
    private PurchaseOrderVolumeGenerator generator;

    @Autowired
    private PurchaseListService lists;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private Flyway flyway;

    private VolumeBenchmark benchmark;

    @BeforeEach
    void benchmark() {
        benchmark = new VolumeBenchmark(users, ADMIN);
    }

    @Test
    void measure() throws SQLException {
        PurchaseOrderVolumeGenerator.VolumeSpec spec = new PurchaseOrderVolumeGenerator.VolumeSpec(
                Integer.getInteger("nexo.benchmark.orders", 200_000),
                Integer.getInteger("nexo.benchmark.lines", 5),
                Integer.getInteger("nexo.benchmark.year", LocalDate.now().getYear() - 2),
                Integer.getInteger("nexo.benchmark.batch", 5_000));
        analyze();
        long started = System.nanoTime();
        PurchaseOrderVolumeGenerator.Volume volume = TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> generator.generate(spec, generated -> {
                    if (VolumeBenchmark.analyzeAfter(generated, spec.batch())) {
                        analyze();
                    }
                }));
        double generationSeconds = (System.nanoTime() - started) / 1e9;
        analyze();
        System.out.printf(
                Locale.ROOT,
                "%nGenerated in %.1f s: %d purchase orders, %d lines%n",
                generationSeconds,
                volume.orders(),
                volume.lines());

        try (Connection connection = TestDatabase.asApplicationRole()) {
            connection.setAutoCommit(false);
            benchmark.bind(connection, DEMO_TENANT);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            long orders = sql.sql("SELECT count(*) FROM purchase_document WHERE kind = 'ORDER'")
                    .query(Long.class)
                    .single();
            long deep = orders * 9 / 10;
            Map<String, Object> key = sql.sql("""
                            SELECT document_date, id FROM purchase_document WHERE kind = 'ORDER'
                             ORDER BY document_date DESC, id DESC OFFSET :offset LIMIT 1
                            """).param("offset", deep).query().singleRow();
            VolumeBenchmark.printPlanAndHeader(
                    "Deep page plan", sql, PAGE_AFTER, Map.of("date", key.get("document_date"), "id", key.get("id")));
            PurchaseQuery orderList = new PurchaseQuery(PurchaseFilter.all(PurchaseKind.ORDER), null);
            PageCursor deepCursor = new PageCursor(key.get("document_date").toString(), (UUID) key.get("id"));
            benchmark.report(
                    "order list, first page (50, newest first) of " + orders,
                    () -> lists.page(orderList, null, 50),
                    () -> sql.sql(FIRST_PAGE).query().listOfRows());
            benchmark.report(
                    "order list, page 90 % deep (keyset after row " + deep + ")",
                    () -> lists.page(orderList, deepCursor, 50),
                    () -> sql.sql(PAGE_AFTER)
                            .param("date", key.get("document_date"))
                            .param("id", key.get("id"))
                            .query()
                            .listOfRows());
            for (PurchaseStatus status :
                    List.of(PurchaseStatus.TO_APPROVE, PurchaseStatus.CANCELLED, PurchaseStatus.RECEIVED)) {
                PurchaseQuery byStatus =
                        new PurchaseQuery(PurchaseFilter.all(PurchaseKind.ORDER).withStatus(status), null);
                benchmark.report(
                        "order list filtered by state " + status + ", first page",
                        () -> lists.page(byStatus, null, 50),
                        () -> sql.sql(BY_STATUS)
                                .param("status", status.name())
                                .query()
                                .listOfRows());
            }
            Map<String, Object> supplier =
                    sql.sql("""
                            SELECT supplier_id, min(supplier_name) AS name, count(*) AS orders FROM purchase_document
                             WHERE kind = 'ORDER' AND number_year = :year
                             GROUP BY supplier_id ORDER BY count(*) DESC, supplier_id LIMIT 1
                            """).param("year", spec.year()).query().singleRow();
            UUID supplierId = (UUID) supplier.get("supplier_id");
            PurchaseQuery bySupplier =
                    new PurchaseQuery(PurchaseFilter.all(PurchaseKind.ORDER).withSupplier(supplierId), null);
            benchmark.report(
                    "order list filtered by supplier (" + supplier.get("orders") + " orders), first page",
                    () -> lists.page(bySupplier, null, 50),
                    () -> sql.sql(BY_SUPPLIER)
                            .param("supplier", supplierId)
                            .query()
                            .listOfRows());
            // Text search (PurchaseListQueries sizes the text, then compares it row by row or reads the
            // trigram look-up's matches): a supplier's full name and a word of it (thousands of
            // matches), an order number (one) and a supplier's reference (one).
            String number = sql.sql("SELECT number FROM purchase_document WHERE kind = 'ORDER' AND number_year = :year"
                            + " AND number IS NOT NULL ORDER BY number DESC LIMIT 1")
                    .param("year", spec.year())
                    .query(String.class)
                    .single();
            String reference = sql.sql("SELECT supplier_reference FROM purchase_document WHERE kind = 'ORDER'"
                            + " AND supplier_reference IS NOT NULL ORDER BY document_date DESC, id DESC LIMIT 1")
                    .query(String.class)
                    .single();
            // A partial name: the longest word of the supplier's name (a word of one supplier's name).
            String name = (String) supplier.get("name");
            String word = Arrays.stream(name.split("[\\s,.]+"))
                    .max(Comparator.comparingInt(String::length))
                    .orElseThrow();
            // Beside the service, its statements: the names' sizing, then the list compared row by row
            // (a name) or the trigram look-up, then the list by the ids found (a number, a reference).
            for (String text : List.of(name, word)) {
                PurchaseQuery search =
                        new PurchaseQuery(PurchaseFilter.all(PurchaseKind.ORDER).withText(text), null);
                benchmark.report(
                        "order list searched for \"" + text + "\", first page",
                        () -> lists.page(search, null, 50),
                        () -> {
                            assertThat(sql.sql(NAMES_EXCEED)
                                            .param("text", text)
                                            .query(Boolean.class)
                                            .single())
                                    .isTrue();
                            return sql.sql(BY_TEXT).param("text", text).query().listOfRows();
                        });
            }
            for (String text : List.of(number, reference)) {
                PurchaseQuery search =
                        new PurchaseQuery(PurchaseFilter.all(PurchaseKind.ORDER).withText(text), null);
                benchmark.report(
                        "order list searched for \"" + text + "\", first page",
                        () -> lists.page(search, null, 50),
                        () -> {
                            assertThat(sql.sql(NAMES_EXCEED)
                                            .param("text", text)
                                            .query(Boolean.class)
                                            .single())
                                    .isFalse();
                            List<UUID> ids = sql.sql(FIRST_MATCHES)
                                    .param("text", text)
                                    .query(UUID.class)
                                    .list();
                            return sql.sql(BY_IDS).param("ids", ids).query().listOfRows();
                        });
            }
            PurchaseQuery countAll = orderList;
            benchmark.reportService("order list count (estimated above 1,000)", () -> lists.count(countAll.filter()));
            connection.rollback();
        }
    }

    private void analyze() {
        VolumeBenchmark.analyze(flyway, "purchase_document, purchase_document_line, change_history");
    }
}
