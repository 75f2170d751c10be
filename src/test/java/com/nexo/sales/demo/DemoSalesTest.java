package com.nexo.sales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.sales.verifactu.ChainVerification;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
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
 * The demo tenant's sales as the start-up seeding made them (demo data is on in tests): every kind
 * of document in the states a year of work leaves, numbered without gaps, stock issued by the
 * delivery notes, payments on invoices, documents dated across the last twelve months in the order
 * they happened (invoice numbers and invoice records too), and nothing in the second demo tenant. Counts are of the
 * demo salesperson's documents, so that documents other tests make in the tenant do not change them.
 */
@NexoSpringTest
class DemoSalesTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DemoSales demoSales;

    @Autowired
    private ChainVerification verification;

    @Test
    void the_demo_tenant_has_quotes_orders_delivery_notes_and_invoices_in_every_state() {
        Map<String, Long> states = inDemo(() -> jdbc
                .sql("""
                        SELECT kind || ' ' || status AS state, count(*) AS n FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s
                         WHERE salesperson_id = (SELECT id FROM app_user WHERE email = :seller) GROUP BY 1
                        """)
                .param("seller", DemoSales.SELLER)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

        assertThat(states)
                .containsEntry("QUOTE DRAFT", 1L)
                .containsEntry("QUOTE SENT", 18L)
                .containsEntry("QUOTE ACCEPTED", 14L)
                .containsEntry("QUOTE CANCELLED", 7L)
                .containsEntry("ORDER DRAFT", 1L)
                .containsEntry("DELIVERY DONE", 22L)
                .containsEntry("INVOICE ISSUED", 38L)
                .containsEntry("INVOICE CANCELLED", 1L)
                .containsEntry("INVOICE DRAFT", 1L)
                .containsEntry("CORRECTIVE ISSUED", 1L);
        long orders = states.entrySet().stream()
                .filter(e -> e.getKey().startsWith("ORDER "))
                .mapToLong(Map.Entry::getValue)
                .sum();
        assertThat(orders).isEqualTo(29);
        assertThat(states.get("ORDER CONFIRMED")).as("not delivered yet").isGreaterThanOrEqualTo(6);
        assertThat(states.get("ORDER PARTIALLY_DELIVERED")).isGreaterThanOrEqualTo(3);
        assertThat(states.get("ORDER DELIVERED")).isGreaterThanOrEqualTo(15);
    }

    @Test
    void unanswered_quotes_expire_and_documents_spread_over_the_year() {
        Map<String, Object> quotes = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'SENT' AND valid_until < current_date) AS expired,
                               count(*) FILTER (WHERE status = 'SENT' AND valid_until >= current_date) AS open,
                               count(*) FILTER (WHERE valid_until <> document_date + 30) AS other_validity,
                               max(current_date - document_date) AS oldest
                          FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s WHERE kind = 'QUOTE'
                        """).query().singleRow());
        assertThat(quotes)
                .containsEntry("expired", 15L)
                .containsEntry("open", 3L)
                .containsEntry("other_validity", 0L);
        assertThat((Integer) quotes.get("oldest")).isBetween(330, 365);
        assertThat(inDemo(() -> jdbc.sql("""
                        SELECT max(current_date - document_date) FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s
                         WHERE kind = 'ORDER' AND number IS NOT NULL
                        """).query(Integer.class).single())).isBetween(250, 365);
    }

    @Test
    void documents_are_dated_across_the_year_and_invoice_numbers_ascend_with_their_dates() {
        Map<String, Object> spread = inDemo(() -> jdbc.sql("""
                        SELECT count(DISTINCT date_trunc('month', document_date)) AS months,
                               count(DISTINCT date_trunc('month', document_date)) FILTER (WHERE kind = 'INVOICE') AS invoice_months,
                               count(DISTINCT date_trunc('month', document_date)) FILTER (WHERE kind = 'DELIVERY') AS delivery_months,
                               count(DISTINCT date_trunc('month', document_date))
                                   FILTER (WHERE kind = 'ORDER' AND client_reference LIKE 'Solicitud %') AS quote_order_months,
                               count(*) FILTER (WHERE document_date > current_date) AS future,
                               count(*) FILTER (WHERE number_year <> extract(year FROM document_date)) AS other_year,
                               min(document_date) FILTER (WHERE kind = 'INVOICE' AND number IS NOT NULL) AS first_invoice
                          FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s
                        """).query().singleRow());
        assertThat((Long) spread.get("months")).isGreaterThanOrEqualTo(10);
        assertThat((Long) spread.get("invoice_months")).isGreaterThanOrEqualTo(10);
        assertThat((Long) spread.get("delivery_months")).isGreaterThanOrEqualTo(8);
        assertThat((Long) spread.get("quote_order_months")).isGreaterThanOrEqualTo(10);
        assertThat(spread).containsEntry("future", 0L).containsEntry("other_year", 0L);
        java.time.LocalDate firstInvoice = ((java.sql.Date) spread.get("first_invoice")).toLocalDate();
        assertThat(inDemo(() -> jdbc.sql("""
                        SELECT DISTINCT series || number_year FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s
                         WHERE kind = 'INVOICE' AND number IS NOT NULL
                        """).query(String.class).list()))
                .as("a past year's invoices are of that year's series")
                .contains("F" + firstInvoice.getYear());

        // The law: within a series and year, a later number never has an earlier date.
        List<String> outOfOrder = inDemo(() -> jdbc.sql("""
                        SELECT number FROM (
                            SELECT number, kind, document_date, lag(document_date) OVER (
                                       PARTITION BY kind, series, number_year
                                       ORDER BY substring(number FROM '-(\\d+)$')::integer) AS previous_date
                              FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s
                             WHERE number IS NOT NULL) n
                         WHERE document_date < previous_date
                        """).query(String.class).list());
        assertThat(outOfOrder).isEmpty();
    }

    @Test
    void the_invoice_records_chain_in_the_order_of_the_invoices_and_the_chain_verifies() {
        List<Map<String, Object>> chain = inDemo(() -> jdbc.sql("""
                        SELECT r.sequence, r.invoice_date, r.generated_at, r.kind
                          FROM sales_billing_record r
                          JOIN (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) d ON d.id = r.invoice_id
                         ORDER BY r.sequence
                        """).query().listOfRows());
        assertThat(chain).hasSizeGreaterThanOrEqualTo(40);
        assertThat(chain.getFirst()).containsEntry("sequence", 1L);
        java.time.LocalDate lastIssued = null;
        for (int i = 0; i < chain.size(); i++) {
            Map<String, Object> record = chain.get(i);
            if (i > 0) {
                Map<String, Object> previous = chain.get(i - 1);
                assertThat((Long) record.get("sequence")).isEqualTo((Long) previous.get("sequence") + 1);
                assertThat(((java.sql.Timestamp) record.get("generated_at")).toInstant())
                        .as("record %s generated after the one before", record.get("sequence"))
                        .isAfter(((java.sql.Timestamp) previous.get("generated_at")).toInstant());
            }
            if ("ALTA".equals(record.get("kind"))) {
                java.time.LocalDate issued = ((java.sql.Date) record.get("invoice_date")).toLocalDate();
                if (lastIssued != null) {
                    assertThat(issued)
                            .as("record %s issues an invoice dated no earlier", record.get("sequence"))
                            .isAfterOrEqualTo(lastIssued);
                }
                lastIssued = issued;
            }
        }
        ChainVerification.Result result = TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, verification::verify);
        assertThat(result.broken()).isEmpty();
        assertThat(result.checked()).isGreaterThanOrEqualTo(chain.size());
    }

    @Test
    void numbers_are_gapless_per_series_and_year() {
        List<String> gaps = inDemo(() -> jdbc.sql("""
                        SELECT series || number_year FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s WHERE number IS NOT NULL
                         GROUP BY series, number_year
                        HAVING max(substring(number FROM '-(\\d+)$')::integer) <> count(*)
                            OR min(substring(number FROM '-(\\d+)$')::integer) <> 1
                        """).query(String.class).list());
        assertThat(gaps).isEmpty();
        assertThat(inDemo(() -> jdbc.sql("""
                        SELECT count(*) FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s WHERE kind = 'INVOICE' AND number IS NOT NULL
                           AND salesperson_id = (SELECT id FROM app_user WHERE email = :seller)
                        """)
                        .param("seller", DemoSales.SELLER)
                        .query(Long.class)
                        .single()))
                .isEqualTo(39);
    }

    @Test
    void delivery_notes_issued_the_stock_and_the_back_order_waits_for_it() {
        Map<String, Object> stock = inDemo(() -> jdbc.sql("""
                        SELECT (SELECT count(*) FROM stock_movement WHERE source_type = 'sales-delivery'
                                   AND source_ref IN (SELECT number FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) s WHERE kind = 'DELIVERY'))
                                   AS movements,
                               (SELECT count(*) FROM sales_document_line l JOIN (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) d ON d.id = l.document_id
                                 WHERE d.kind = 'DELIVERY' AND l.stock_tracked) AS goods_lines
                        """).query().singleRow());
        assertThat((Long) stock.get("movements")).isPositive();
        assertThat((Long) stock.get("movements")).isGreaterThanOrEqualTo((Long) stock.get("goods_lines"));

        Map<String, Object> waiting = inDemo(() -> jdbc.sql("""
                        SELECT d.status, l.quantity, l.delivered_quantity, l.reservation_id IS NOT NULL AS reserved
                          FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) d JOIN sales_document_line l ON l.document_id = d.id
                         WHERE d.kind = 'ORDER' AND l.article_code = 'ACE-IPN-100'
                        """).query().singleRow());
        assertThat(waiting).containsEntry("status", "CONFIRMED").containsEntry("reserved", true);
        assertThat((BigDecimal) waiting.get("delivered_quantity")).isZero();
    }

    @Test
    void invoices_are_paid_in_full_in_part_or_not_and_the_corrective_refers_to_its_invoice() {
        Map<String, Object> payments = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE p.paid = d.total_amount) AS paid,
                               count(*) FILTER (WHERE p.paid > 0 AND p.paid < d.total_amount) AS part,
                               count(*) FILTER (WHERE p.paid = 0) AS open
                          FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) d
                          JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS paid FROM sales_payment
                                         WHERE invoice_id = d.id) p ON true
                         WHERE d.kind = 'INVOICE' AND d.status = 'ISSUED'
                        """).query().singleRow());
        assertThat((Long) payments.get("paid")).isGreaterThan(15);
        assertThat((Long) payments.get("part")).isPositive();
        assertThat((Long) payments.get("open")).isPositive();
        Map<String, Object> due = inDemo(() -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE d.due_date < current_date AND p.paid < d.total_amount) AS overdue,
                               count(*) FILTER (WHERE p.paid = d.total_amount AND p.last_paid > d.document_date) AS paid_later
                          FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) d
                          JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS paid, max(paid_on) AS last_paid FROM sales_payment
                                         WHERE invoice_id = d.id) p ON true
                         WHERE d.kind = 'INVOICE' AND d.status = 'ISSUED'
                        """).query().singleRow());
        assertThat((Long) due.get("overdue"))
                .as("issued, not paid in full, due date passed")
                .isGreaterThanOrEqualTo(5);
        assertThat((Long) due.get("paid_later"))
                .as("paid after they were issued")
                .isGreaterThan(15);

        Map<String, Object> corrective = inDemo(() -> jdbc.sql("""
                        SELECT c.total_amount < 0 AS negative, o.status AS corrected, c.correction_reason AS reason
                          FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) c JOIN (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) o ON o.id = c.corrected_id
                         WHERE c.kind = 'CORRECTIVE'
                        """).query().singleRow());
        assertThat(corrective)
                .containsEntry("negative", true)
                .containsEntry("corrected", "ISSUED")
                .containsEntry("reason", "Horas facturadas de más");
    }

    @Test
    void the_salesperson_made_them_and_seeding_again_changes_nothing() {
        long before = inDemo(() -> jdbc.sql("SELECT count(*) FROM sales_document")
                .query(Long.class)
                .single());
        TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, () -> {
            demoSales.seed(DemoTenant.DEMO);
            demoSales.seed(DemoTenant.NORTHWIND);
            return null;
        });
        assertThat(inDemo(() -> jdbc.sql("SELECT count(*) FROM sales_document")
                        .query(Long.class)
                        .single()))
                .isEqualTo(before);
        assertThat(inDemo(() -> jdbc.sql("""
                        SELECT DISTINCT u.email FROM (SELECT * FROM sales_document WHERE created_at = (SELECT min(created_at) FROM sales_document)) d JOIN app_user u ON u.id = d.salesperson_id
                         WHERE d.created_by = d.salesperson_id AND d.client_reference LIKE 'Solicitud %'
                        """).query(String.class).list())).containsExactly(DemoSales.SELLER);
        Long inNorthwind = TenantContext.callAsSystem(
                DemoTenant.NORTHWIND.id(),
                null,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> jdbc.sql("SELECT count(*) FROM sales_document")
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
