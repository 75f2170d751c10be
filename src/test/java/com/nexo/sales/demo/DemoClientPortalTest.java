package com.nexo.sales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the demo client finds in its portal, as the start-up seeding made it: two quotes to answer,
 * an order delivered, its delivery note, an invoice due and one paid; seeding again adds nothing.
 */
@NexoSpringTest
class DemoClientPortalTest {

    private static final String PORTAL_DOCUMENTS = """
            SELECT d.kind || ' ' || d.status AS state, count(*) AS n
              FROM sales_document d
             WHERE d.account_id = :client
               AND d.created_at = (SELECT min(created_at) FROM sales_document WHERE client_reference LIKE 'Portal demo%')
             GROUP BY 1
            """;

    /** What is still to pay of each invoice made by the portal seeding. */
    private static final String OPEN_INVOICES = """
            SELECT d.total_amount - coalesce((SELECT sum(p.amount) FROM sales_payment p WHERE p.invoice_id = d.id), 0)
              FROM sales_document d
             WHERE d.account_id = :client AND d.kind = 'INVOICE'
               AND d.created_at = (SELECT min(created_at) FROM sales_document WHERE client_reference LIKE 'Portal demo%')
            """;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DemoClientPortal seeder;

    @Test
    void the_demo_client_has_quotes_to_answer_an_order_delivered_and_invoices_paid_and_due() {
        Map<String, Long> states = inDemo(() -> jdbc
                .sql(PORTAL_DOCUMENTS)
                .param("client", DemoTenant.CLIENT_PARTY)
                .query((rs, n) -> Map.entry(rs.getString("state"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(states)
                .containsEntry("QUOTE SENT", 2L)
                .containsEntry("ORDER DELIVERED", 1L)
                .containsEntry("DELIVERY DONE", 1L)
                .containsEntry("INVOICE ISSUED", 2L);
        java.util.List<java.math.BigDecimal> open = inDemo(() -> jdbc.sql(OPEN_INVOICES)
                .param("client", DemoTenant.CLIENT_PARTY)
                .query(java.math.BigDecimal.class)
                .list());
        assertThat(open).hasSize(2);
        assertThat(open).anyMatch(amount -> amount.signum() == 0).anyMatch(amount -> amount.signum() > 0);

        long before = inDemo(() -> jdbc.sql("SELECT count(*) FROM sales_document")
                .query(Long.class)
                .single());
        TenantContext.callAsSystem(DemoTenant.DEMO.id(), null, () -> {
            seeder.seed(DemoTenant.DEMO);
            return null;
        });
        assertThat(inDemo(() -> jdbc.sql("SELECT count(*) FROM sales_document")
                        .query(Long.class)
                        .single()))
                .isEqualTo(before);
    }

    private <T> T inDemo(Supplier<T> query) {
        return TenantContext.callAsSystem(
                DemoTenant.DEMO.id(),
                null,
                () -> new TransactionTemplate(transactionManager).execute(status -> query.get()));
    }
}
