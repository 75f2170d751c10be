package com.nexo.purchasing.volume;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The purchase order volume generator at a small size, in the demo tenant and rolled back: orders of
 * the year in the generator's mix of states, numbered but for drafts and those waiting for approval,
 * five lines each, amounts that are their lines' sum, received quantities that match the state.
 */
@NexoSpringTest
class PurchaseOrderVolumeGeneratorTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    /** A year of its own: the benchmark, when it runs in the same context, takes the year before last. */
    private static final int YEAR = 2019;

    @Autowired
    private PurchaseOrderVolumeGenerator generator;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Test
    void two_thousand_orders_with_ten_thousand_lines_in_the_mix_of_states() {
        TenantContext.callAsSystem(
                DEMO,
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> {
                    status.setRollbackOnly();
                    PurchaseOrderVolumeGenerator.Volume volume =
                            generator.generate(new PurchaseOrderVolumeGenerator.VolumeSpec(2_000, 5, YEAR, 700));

                    assertThat(volume.orders()).isEqualTo(2_000);
                    assertThat(volume.lines()).isEqualTo(10_000);
                    Map<String, Object> orders =
                            jdbc.sql("""
                            SELECT count(*) AS orders,
                                   count(*) FILTER (WHERE status = 'TO_APPROVE') AS to_approve,
                                   count(*) FILTER (WHERE status = 'DRAFT') AS drafts,
                                   count(*) FILTER (WHERE status = 'RECEIVED') AS received,
                                   count(number) AS numbered, count(DISTINCT supplier_id) AS suppliers,
                                   min(document_date) AS first_day, max(document_date) AS last_day
                              FROM purchase_document
                             WHERE kind = 'ORDER' AND document_date BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)
                            """).param("year", YEAR).query().singleRow();
                    assertThat(orders)
                            .containsEntry("orders", 2_000L)
                            .containsEntry("to_approve", 100L)
                            .containsEntry("drafts", 100L)
                            .containsEntry("received", 1_100L)
                            .containsEntry("numbered", 1_800L);
                    assertThat((Long) orders.get("suppliers")).isGreaterThan(5);
                    assertThat(orders.get("first_day").toString()).isEqualTo("2019-01-01");
                    assertThat(orders.get("last_day").toString()).startsWith("2019-12-");
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM purchase_document d
                             WHERE d.kind = 'ORDER' AND d.document_date BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)
                               AND d.base_amount <> (SELECT sum(l.net_amount) FROM purchase_document_line l
                                                      WHERE l.document_id = d.id)
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .as("orders whose base is not their lines' sum")
                            .isZero();
                    assertThat(jdbc.sql("""
                            SELECT count(*) FROM purchase_document d
                             WHERE d.kind = 'ORDER' AND d.document_date BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)
                               AND (d.status = 'RECEIVED') <> NOT EXISTS (
                                   SELECT 1 FROM purchase_document_line l
                                    WHERE l.document_id = d.id AND l.received_quantity < l.quantity)
                            """)
                                    .param("year", YEAR)
                                    .query(Long.class)
                                    .single())
                            .as("received orders, and only they, have every line received")
                            .isZero();
                    return null;
                }));
    }
}
