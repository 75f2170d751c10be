package com.nexo.sales.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.sales.verifactu.ChainVerification;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoice volume generator at a small size, in the demo tenant and rolled back (its batches join
 * the test's transaction): issued invoices with gapless numbers of the year, five lines each, whose
 * stored amounts are what base's rule makes of their lines, recorded in the change history, each
 * with its invoice record continuing the tenant's chain so that the chain verifies.
 */
@NexoSpringTest
class InvoiceVolumeGeneratorTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    /** A year of its own: the benchmark, when it runs in the same context, takes the year before last. */
    private static final int YEAR = 2019;

    @Autowired
    private InvoiceVolumeGenerator generator;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private ChainVerification verification;

    @Test
    void two_thousand_issued_invoices_with_ten_thousand_lines_whose_totals_match_them() {
        TenantContext.callAsSystem(
                DEMO,
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    status.setRollbackOnly();
                    InvoiceVolumeGenerator.Volume volume =
                            generator.generate(new InvoiceVolumeGenerator.VolumeSpec(2_000, 5, YEAR, 700));

                    assertThat(volume.invoices()).isEqualTo(2_000);
                    assertThat(volume.lines()).isEqualTo(10_000);
                    assertThat(volume.firstNumber()).isEqualTo("F2019-000001");
                    assertThat(volume.lastNumber()).isEqualTo("F2019-002000");

                    Map<String, Object> invoices =
                            jdbc.sql("""
                            SELECT count(*) AS invoices, count(DISTINCT number) AS numbers, min(number) AS first,
                                   max(number) AS last, count(*) FILTER (WHERE status = 'ISSUED') AS issued,
                                   min(document_date) AS first_day, max(document_date) AS last_day,
                                   count(DISTINCT account_id) AS clients
                              FROM sales_document WHERE kind = 'INVOICE' AND number_year = :year
                            """).param("year", YEAR).query().singleRow();
                    assertThat(invoices)
                            .containsEntry("invoices", 2_000L)
                            .containsEntry("numbers", 2_000L)
                            .containsEntry("issued", 2_000L)
                            .containsEntry("first", "F2019-000001")
                            .containsEntry("last", "F2019-002000");
                    assertThat(invoices.get("first_day").toString()).isEqualTo("2019-01-01");
                    assertThat(invoices.get("last_day").toString()).startsWith("2019-12-");
                    assertThat((Long) invoices.get("clients")).isGreaterThan(5);

                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM sales_document_line l JOIN sales_document d ON d.id = l.document_id
                             WHERE d.kind = 'INVOICE' AND d.number_year = :year
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(10_000);
                    // Every line's net, and every invoice's amounts, worked out again from the lines by
                    // DocumentTotals' rule: no difference anywhere.
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM sales_document_line l JOIN sales_document d ON d.id = l.document_id
                             WHERE d.number_year = :year
                               AND l.net_amount <> round(l.quantity * l.unit_price * (1 - l.discount_percent / 100), 2)
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .isZero();
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM sales_document d
                              JOIN LATERAL (SELECT sum(base) AS base, sum(round(base * vat / 100, 2)) AS vat
                                              FROM (SELECT vat_percent AS vat, sum(net_amount) AS base
                                                      FROM sales_document_line WHERE document_id = d.id
                                                     GROUP BY vat_percent) r) t ON true
                             WHERE d.kind = 'INVOICE' AND d.number_year = :year
                               AND (d.base_amount <> t.base OR d.vat_amount <> t.vat
                                    OR d.total_amount <> t.base + t.vat OR d.total_amount <= 0)
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .isZero();
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM sales_document_line l JOIN sales_document d ON d.id = l.document_id
                             WHERE d.number_year = :year AND l.vat_percent = 10
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .as("a line at the reduced rate in every tenth invoice")
                            .isEqualTo(200);

                    // The history triggers stayed on: each invoice's insert and issue, each line's insert.
                    UUID first = InvoiceVolumeGenerator.invoiceId(jdbc, volume.run(), 1);
                    assertThat(jdbc.sql("""
                            SELECT table_name || ':' || operation FROM change_history WHERE entity_id = :id
                             ORDER BY id
                            """)
                                    .param("id", first)
                                    .query(String.class)
                                    .list())
                            .containsExactly(
                                    "sales_document:INSERT",
                                    "sales_document_line:INSERT",
                                    "sales_document_line:INSERT",
                                    "sales_document_line:INSERT",
                                    "sales_document_line:INSERT",
                                    "sales_document_line:INSERT",
                                    "sales_document:UPDATE",
                                    "sales_billing_record:INSERT");

                    // Every invoice has its record, chained as the product chains them: the whole
                    // chain (the demo's own records, then these in number order) verifies.
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM sales_document d
                              JOIN sales_billing_record r ON r.invoice_id = d.id AND r.kind = 'ALTA'
                               AND r.invoice_number = d.number AND r.total = d.total_amount
                             WHERE d.kind = 'INVOICE' AND d.number_year = :year
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(2_000);
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM sales_billing_record a
                              JOIN sales_billing_record b ON b.sequence = a.sequence + 1
                             WHERE a.invoice_number LIKE 'F2019-%' AND b.invoice_number LIKE 'F2019-%'
                               AND b.invoice_number < a.invoice_number
                            """).query(Long.class).single())
                            .as("records in number order")
                            .isZero();
                    ChainVerification.Result chain = verification.verify();
                    assertThat(chain.broken()).isEmpty();
                    assertThat(chain.checked()).isGreaterThanOrEqualTo(2_000);

                    // Issued invoices are frozen as usual, and the year is not taken twice.
                    assertThatThrownBy(() -> jdbc.sql("UPDATE sales_document SET notes = 'x' WHERE id = :id")
                                    .param("id", first)
                                    .update())
                            .hasMessageContaining("cannot be changed");
                    return null;
                }));
    }

    @Test
    void a_year_with_issued_invoices_is_refused() {
        TenantContext.callAsSystem(
                DEMO,
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    status.setRollbackOnly();
                    generator.generate(new InvoiceVolumeGenerator.VolumeSpec(3, 1, YEAR - 1, 10));
                    assertThatThrownBy(
                                    () -> generator.generate(new InvoiceVolumeGenerator.VolumeSpec(3, 1, YEAR - 1, 10)))
                            .isInstanceOf(IllegalStateException.class);
                    return null;
                }));
    }
}
