package com.nexo.purchasing.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenant's purchasing as the start-up seeding made it (demo data is on in tests): suppliers'
 * prices and settings, orders in every state of a year's work, receipts that moved stock and cost,
 * approved bills (two with differences accepted with a note), RFQs with answers, documents dated
 * across the last twelve months in order, and nothing added by a second run. Counts are of the demo
 * buyer's documents, so that documents other tests make in the tenant do not change them.
 */
@NexoSpringTest
class DemoPurchasingTest {

    /** The business clock: the demo dates its documents by its day. */
    @Autowired
    private Clock clock;

    /** The demo buyer's documents. */
    private static final String MINE = """
            (SELECT * FROM purchase_document
              WHERE created_by = (SELECT id FROM app_user WHERE email = 'compras@demo.nexo')) d
            """;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DemoPurchasing demoPurchasing;

    @Test
    void the_demo_buyer_exists_with_the_purchasing_role() {
        List<String> roles = inDemo(() -> jdbc.sql("""
                        SELECT r.code FROM app_user u JOIN user_role ur ON ur.user_id = u.id
                          JOIN role r ON r.id = ur.role_id
                         WHERE u.email = :email
                        """)
                .param("email", DemoPurchasing.BUYER)
                .query(String.class)
                .list());
        assertThat(roles).containsExactly("purchasing");
    }

    @Test
    void orders_are_in_every_state_of_a_years_work_and_open_work_waits_today() {
        Map<String, Long> states = inDemo(() -> jdbc
                .sql("SELECT kind || ' ' || status, count(*) FROM " + MINE + " GROUP BY 1")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

        assertThat(states)
                .containsEntry("ORDER DRAFT", 3L)
                .containsEntry("ORDER TO_APPROVE", 2L)
                // Three of the year's plan and two sent to the demo supplier's portal user to confirm.
                .containsEntry("ORDER SENT", 5L)
                .containsEntry("ORDER PARTIALLY_RECEIVED", 2L)
                .containsEntry("ORDER CANCELLED", 1L)
                // Today's big job, and one the demo supplier's portal user is to answer.
                .containsEntry("RFQ SENT", 2L)
                .containsEntry("RFQ DRAFT", 1L)
                .containsEntry("RFQ CLOSED", 2L);
        assertThat(states.get("ORDER RECEIVED")).isGreaterThanOrEqualTo(30);
        assertThat(states.get("RECEIPT POSTED")).isGreaterThan(states.get("ORDER RECEIVED"));
        assertThat(states.get("BILL APPROVED")).isEqualTo(states.get("ORDER RECEIVED") - 2);
        assertThat(states).doesNotContainKey("BILL DRAFT");
        long orders = states.entrySet().stream()
                .filter(e -> e.getKey().startsWith("ORDER "))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(orders).isBetween(40L, 150L);

        Map<String, Object> approval = inDemo(
                () -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'TO_APPROVE' AND base_amount <= 3000) AS waiting_below,
                               count(*) FILTER (WHERE number IS NOT NULL AND base_amount > 3000
                                                  AND approved_by IS NOT NULL) AS approved_above,
                               count(*) FILTER (WHERE number IS NOT NULL AND base_amount > 3000
                                                  AND approved_by IS NULL) AS sent_unapproved
                          FROM """ + MINE + " WHERE kind = 'ORDER'").query().singleRow());
        assertThat(approval).containsEntry("waiting_below", 0L).containsEntry("sent_unapproved", 0L);
        assertThat((Long) approval.get("approved_above")).isPositive();
        // The demo's settings (threshold 3,000, tolerance 2 %) are not asserted as they stand now: other
        // tests of the same context change the demo tenant's settings. The orders above show the threshold
        // the demo worked with.
    }

    @Test
    void receipts_moved_stock_and_cost_and_recorded_the_last_prices() {
        Map<String, Object> stock = inDemo(() ->
                jdbc.sql("""
                        SELECT (SELECT count(*) FROM purchase_document_line l JOIN """ + MINE + """
                                    ON d.id = l.document_id
                                 WHERE d.kind = 'RECEIPT' AND l.stock_tracked) AS lines,
                               (SELECT count(*) FROM purchase_document_line l JOIN """ + MINE + """
                                    ON d.id = l.document_id
                                  JOIN stock_movement m ON m.id = l.movement_id
                                 WHERE d.kind = 'RECEIPT' AND m.source_type = 'purchase_receipt'
                                   AND m.source_ref = d.number AND m.quantity = l.quantity) AS moved,
                               (SELECT count(*) FROM article_cost_change c JOIN """ + MINE + """
                                    ON c.source_ref = d.number
                                 WHERE d.kind = 'RECEIPT' AND c.source_type = 'purchase_receipt') AS costed,
                               (SELECT count(*) FROM purchase_supplier_article) AS entries,
                               (SELECT count(*) FROM purchase_supplier_article WHERE last_price IS NOT NULL) AS last_prices,
                               (SELECT count(*) FROM (SELECT supplier_article_id FROM purchase_supplier_price_break
                                                       GROUP BY 1 HAVING count(*) > 1) b) AS with_breaks
                        """).query().singleRow());
        assertThat((Long) stock.get("lines")).isGreaterThan(100);
        assertThat(stock.get("moved")).isEqualTo(stock.get("lines"));
        assertThat(stock.get("costed")).isEqualTo(stock.get("lines"));
        assertThat((Long) stock.get("entries")).isGreaterThanOrEqualTo(34);
        assertThat((Long) stock.get("last_prices")).isGreaterThan(15);
        assertThat((Long) stock.get("with_breaks")).isGreaterThan(10);
    }

    @Test
    void what_the_open_orders_still_wait_for_is_incoming_stock() {
        Map<String, Object> incoming =
                inDemo(() -> jdbc.sql("""
                        SELECT count(*) AS articles, count(*) FILTER (WHERE coalesce(b.incoming, 0) < p.pending) AS short
                          FROM (SELECT l.article_id, d.warehouse_id, sum(l.quantity - l.received_quantity) AS pending
                                  FROM purchase_document_line l JOIN """ + MINE + """
                                    ON d.id = l.document_id
                                 WHERE d.kind = 'ORDER' AND l.stock_tracked
                                   AND d.status IN ('DRAFT', 'TO_APPROVE', 'APPROVED', 'SENT', 'PARTIALLY_RECEIVED')
                                 GROUP BY 1, 2) p
                          LEFT JOIN stock_balance b ON b.article_id = p.article_id AND b.warehouse_id = p.warehouse_id
                        """).query().singleRow());
        assertThat((Long) incoming.get("articles")).isGreaterThanOrEqualTo(5);
        assertThat(incoming).containsEntry("short", 0L);
    }

    @Test
    void bills_are_approved_and_two_differences_were_accepted_with_a_note() {
        List<Map<String, Object>> differences = inDemo(() -> jdbc.sql("SELECT number, match_note FROM " + MINE
                        + " WHERE kind = 'BILL' AND match_status = 'DIFFERENCES' ORDER BY number")
                .query()
                .listOfRows());
        assertThat(differences)
                .hasSize(2)
                .allSatisfy(bill -> assertThat(bill.get("match_note")).isNotNull());
        Map<String, Object> billed =
                inDemo(() -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE l.billed_quantity <> l.quantity) AS unbilled_lines,
                               count(*) AS lines
                          FROM purchase_document_line l JOIN """ + MINE + """
                            ON d.id = l.document_id
                         WHERE d.kind = 'ORDER' AND d.status = 'RECEIVED'
                           AND EXISTS (SELECT 1 FROM purchase_document b WHERE b.order_id = d.id AND b.kind = 'BILL')
                        """).query().singleRow());
        assertThat((Long) billed.get("lines")).isPositive();
        assertThat(billed).containsEntry("unbilled_lines", 0L);
    }

    @Test
    void the_open_rfqs_went_to_three_suppliers_and_two_answered_the_first() {
        Map<String, Long> suppliers = inDemo(() ->
                jdbc.sql("""
                        SELECT s.status, count(*) FROM purchase_rfq_supplier s JOIN """ + MINE + """
                            ON d.id = s.rfq_id
                         WHERE d.kind = 'RFQ' AND d.status = 'SENT' GROUP BY 1
                        """).query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        // The big job's: two answered, one not; the portal's: none of its three answered yet.
        assertThat(suppliers).containsEntry("ANSWERED", 2L).containsEntry("SENT", 4L);
        Long answers = inDemo(() -> jdbc.sql("SELECT count(*) FROM purchase_rfq_answer a JOIN " + MINE
                        + " ON d.id = a.rfq_id WHERE d.kind = 'RFQ' AND d.status = 'SENT'")
                .query(Long.class)
                .single());
        assertThat(answers).isEqualTo(4);
        Long chosen = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM purchase_rfq_supplier s JOIN """ + MINE + """
                            ON d.id = s.rfq_id
                          JOIN purchase_document o ON o.id = s.order_id AND o.rfq_id = d.id
                         WHERE d.kind = 'RFQ' AND d.status = 'CLOSED' AND s.status = 'CHOSEN' AND o.status = 'RECEIVED'
                        """).query(Long.class).single());
        assertThat(chosen).isEqualTo(2);
    }

    @Test
    void documents_spread_over_the_year_and_numbers_ascend_with_their_dates() {
        Map<String, Object> spread = inDemo(() -> jdbc.sql("""
                        SELECT count(DISTINCT date_trunc('month', document_date)) FILTER (WHERE kind = 'ORDER') AS order_months,
                               count(DISTINCT date_trunc('month', document_date)) FILTER (WHERE kind = 'BILL') AS bill_months,
                               count(*) FILTER (WHERE document_date > CAST(:today AS date)) AS future,
                               count(*) FILTER (WHERE number_year <> extract(year FROM document_date)) AS other_year,
                               max(CAST(:today AS date) - document_date) AS oldest
                          FROM """ + MINE)
                .param("today", LocalDate.now(clock))
                .query()
                .singleRow());
        assertThat((Long) spread.get("order_months")).isGreaterThanOrEqualTo(11);
        assertThat((Long) spread.get("bill_months")).isGreaterThanOrEqualTo(8);
        assertThat(spread).containsEntry("future", 0L).containsEntry("other_year", 0L);
        assertThat((Integer) spread.get("oldest")).isBetween(300, 366);

        List<String> outOfOrder =
                inDemo(() -> jdbc.sql("""
                        SELECT number FROM (
                            SELECT number, document_date, lag(document_date) OVER (
                                       PARTITION BY kind, series, number_year
                                       ORDER BY substring(number FROM '(\\d+)$')::integer) AS previous_date
                              FROM """ + MINE + """
                             WHERE number IS NOT NULL) n
                         WHERE document_date < previous_date
                        """).query(String.class).list());
        assertThat(outOfOrder).isEmpty();
    }

    @Test
    void seeding_again_adds_nothing() {
        String count = """
                SELECT (SELECT count(*) FROM purchase_document) || ' ' || (SELECT count(*) FROM purchase_supplier_article)
                       || ' ' || (SELECT count(*) FROM stock_movement)
                """;
        String before = inDemo(() -> jdbc.sql(count).query(String.class).single());
        TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, () -> {
            demoPurchasing.seed(DemoTenant.DEMO);
            demoPurchasing.seed(DemoTenant.NORTHWIND);
            return null;
        });
        assertThat(inDemo(() -> jdbc.sql(count).query(String.class).single())).isEqualTo(before);
        Long inNorthwind = TenantContext.callAsSystem(
                DemoTenant.NORTHWIND.id(),
                null,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> jdbc.sql("SELECT count(*) FROM purchase_document")
                                .query(Long.class)
                                .single()));
        assertThat(inNorthwind).isZero();
    }

    private <T> T inDemo(Supplier<T> query) {
        return TenantContext.callAsSystem(
                DemoTenant.DEMO.id(),
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> query.get()));
    }
}
