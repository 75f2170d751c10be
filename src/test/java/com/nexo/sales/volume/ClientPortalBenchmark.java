package com.nexo.sales.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.PortalNotices;
import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentReader;
import com.nexo.demo.DemoTenant;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.security.Roles;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
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
 * The client portal benchmark of issue 19 (not part of the normal build; see the README): the demo
 * client (cliente@demo.nexo's account) gets 10,000 issued invoices of five lines in the year before
 * last ({@link InvoiceVolumeGenerator#generateFor}), two in three of them paid; then, as that client
 * through the services and beside the same SQL on a connection of the application role bound as the
 * client (its database role, row-level security on), p50 / p95 of: the invoices list's first page,
 * a page 90 % deep, what the client owes in total (beside it the same sum read through row-level
 * security, which R__sales_portal.sql's function avoids), and the portal home page's data (every {@link
 * PortalNotices} bean for clients, and the CMS news and pages published to the client audience).
 *
 * <pre>./mvnw -B test -Dtest=ClientPortalBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Size: -Dnexo.benchmark.client-invoices (10000).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class ClientPortalBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String CLIENT = "cliente@demo.nexo";

    /** The invoices list's first page as the client's role reads it (51 rows: 50 and "more?"). */
    private static final String FIRST_PAGE = """
            SELECT d.id, d.number, d.document_date, d.status, d.total_amount, d.currency,
                   d.total_amount - coalesce((SELECT sum(p.amount) FROM sales_payment p WHERE p.invoice_id = d.id), 0) AS open
              FROM sales_document d
             WHERE d.kind IN ('INVOICE', 'CORRECTIVE') AND d.account_id = nexo_party_id() %s
             ORDER BY d.document_date DESC, d.id DESC
             LIMIT 51
            """;

    private static final String DUE = """
            SELECT sum(o.open), count(*) FROM (
                SELECT d.total_amount - coalesce((SELECT sum(p.amount) FROM sales_payment p WHERE p.invoice_id = d.id), 0) AS open
                  FROM sales_document d
                 WHERE d.kind IN ('INVOICE', 'CORRECTIVE') AND d.status = 'ISSUED' AND d.account_id = nexo_party_id()) o
             WHERE o.open <> 0
            """;

    /** Two in three of the generated invoices paid in full, twenty days after their date. */
    private static final String PAY = """
            INSERT INTO sales_payment (id, invoice_id, paid_on, amount)
            SELECT gen_random_uuid(), d.id, d.document_date + 20, d.total_amount
              FROM sales_document d
             WHERE d.account_id = :client AND d.kind = 'INVOICE' AND d.number_year = :year
               AND ('x' || substr(md5(d.id::text), 1, 8))::bit(32)::integer % 3 <> 0
            """;

    @Autowired
    private InvoiceVolumeGenerator generator;

    @Autowired
    private ClientPortalService portal;

    @Autowired
    private List<PortalNotices> notices;

    @Autowired
    private ContentReader content;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private Flyway flyway;

    @Test
    void measure() throws SQLException {
        int year = LocalDate.now().getYear() - 2;
        InvoiceVolumeGenerator.VolumeSpec spec = new InvoiceVolumeGenerator.VolumeSpec(
                Integer.getInteger("nexo.benchmark.client-invoices", 10_000), 5, year, 2_500);
        analyze();
        long started = System.nanoTime();
        InvoiceVolumeGenerator.Volume volume = TenantContext.callAsSystem(DEMO_TENANT, null, () -> {
            InvoiceVolumeGenerator.Volume generated = generator.generateFor(DemoTenant.CLIENT_PARTY, spec, done -> {});
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(status -> jdbc.sql(PAY)
                            .param("client", DemoTenant.CLIENT_PARTY)
                            .param("year", year)
                            .update());
            return generated;
        });
        analyze();
        System.out.printf(
                Locale.ROOT,
                "%nGenerated in %.1f s: %d issued invoices for the demo client (%s ... %s), %d lines%n",
                (System.nanoTime() - started) / 1e9,
                volume.invoices(),
                volume.firstNumber(),
                volume.lastNumber(),
                volume.lines());

        VolumeBenchmark benchmark = new VolumeBenchmark(users, CLIENT);
        List<PortalNotices> forClients = notices.stream()
                .filter(source -> source.actors().contains(Roles.CLIENT))
                .toList();
        assertThat(forClients).isNotEmpty();

        try (Connection connection = TestDatabase.asApplicationRole()) {
            connection.setAutoCommit(false);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            TestContexts.bind(connection, DatabaseContext.system(DEMO_TENANT, null));
            UUID clientUser = sql.sql("SELECT id FROM app_user WHERE email = :e")
                    .param("e", CLIENT)
                    .query(UUID.class)
                    .single();
            TestContexts.bind(
                    connection,
                    new DatabaseContext(DEMO_TENANT, clientUser, ActorType.CLIENT, DemoTenant.CLIENT_PARTY));
            long invoices = sql.sql("SELECT count(*) FROM sales_document WHERE kind IN ('INVOICE', 'CORRECTIVE')")
                    .query(Long.class)
                    .single();
            assertThat(invoices).isGreaterThanOrEqualTo(volume.invoices());
            Map<String, Object> key =
                    sql.sql("""
                            SELECT document_date, id FROM sales_document WHERE kind IN ('INVOICE', 'CORRECTIVE')
                             ORDER BY document_date DESC, id DESC OFFSET :offset LIMIT 1
                            """).param("offset", invoices * 9 / 10).query().singleRow();
            String pageAfter = FIRST_PAGE.formatted("AND (d.document_date, d.id) < (:date, :id)");
            VolumeBenchmark.printPlanAndHeader(
                    "Client's invoices, first page plan (as the client's role)",
                    sql,
                    FIRST_PAGE.formatted(""),
                    Map.of());
            benchmark.report(
                    "client's invoices list, first page (50, newest first) of " + invoices,
                    () -> portal.page(DocumentKind.INVOICE, null, 50),
                    () -> sql.sql(FIRST_PAGE.formatted("")).query().listOfRows());
            com.nexo.base.paging.PageCursor deep =
                    new com.nexo.base.paging.PageCursor(key.get("document_date").toString(), (UUID) key.get("id"));
            benchmark.report(
                    "client's invoices list, page 90 % deep",
                    () -> portal.page(DocumentKind.INVOICE, deep, 50),
                    () -> sql.sql(pageAfter)
                            .param("date", key.get("document_date"))
                            .param("id", key.get("id"))
                            .query()
                            .listOfRows());
            benchmark.report(
                    "client's total due (service: R__sales_portal.sql's definer function; SQL: the same sum through"
                            + " row-level security)",
                    () -> portal.due(),
                    () -> sql.sql(DUE).query().listOfRows());
            benchmark.reportService(
                    "portal home page data: notices of every client bean",
                    () -> forClients.stream().map(PortalNotices::pending).toList());
            benchmark.reportService(
                    "portal home page data: notices + CMS news and pages for the client audience",
                    () -> List.of(
                            forClients.stream().map(PortalNotices::pending).toList(),
                            content.published(ContentKind.NEWS, null, ContentLanguage.ES, 0, 20),
                            content.published(ContentKind.PAGE, null, ContentLanguage.ES, 0, 100)));
            connection.rollback();
        }
    }

    private void analyze() {
        VolumeBenchmark.analyze(flyway, "sales_document, sales_document_line, sales_payment, sales_quote_answer");
    }
}
