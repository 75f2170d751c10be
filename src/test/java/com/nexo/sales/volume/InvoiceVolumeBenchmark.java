package com.nexo.sales.volume;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.paging.PageCursor;
import com.nexo.base.volume.VolumeBenchmark;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.lists.SalesFilter;
import com.nexo.sales.lists.SalesListService;
import com.nexo.sales.lists.SalesQuery;
import com.nexo.sales.print.SalesPrintService;
import com.nexo.sales.verifactu.ChainVerification;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The sales benchmark of issue 13 (not part of the normal build; see the README): generates a year of
 * issued invoices in the demo tenant of the run's throw-away database ({@link InvoiceVolumeGenerator},
 * 200,000 invoices of five lines by default), then prints p95 figures of the invoice list's first
 * page and a page 90 % deep (keyset on {@code (tenant_id, kind, document_date DESC, id DESC)}), the
 * first page filtered by state (issued, cancelled) and by client, and of issuing a 50-line invoice
 * (save the draft, then issue it) — through the services as the demo administrator, and the list's
 * SQL on an open, bound connection of the application role. The generated invoices' records are
 * checked by {@code ChainVerification} (the whole chain must verify).
 *
 * <pre>./mvnw -B test -Dtest=InvoiceVolumeBenchmark -Dnexo.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Sizes: -Dnexo.benchmark.invoices (200000), .lines (5 per invoice), .year (the year before last:
 * the demo's year of sales reaches into last year), .batch (2500 invoices per transaction).
 */
@NexoSpringTest
@EnabledIfSystemProperty(named = "nexo.benchmark", matches = "true")
class InvoiceVolumeBenchmark {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String ADMIN = "admin@demo.nexo";
    private static final int ISSUE_RUNS = 40;
    private static final int ISSUE_LINES = 50;

    /** The invoice list's columns and order, as a keyset page reads them (51 rows: 50 and "more?"). */
    private static final String LIST = """
            SELECT id, number, document_date, client_name, status, total_amount, currency
              FROM sales_document
             WHERE kind = 'INVOICE' %s
             ORDER BY document_date DESC, id DESC
             LIMIT 51
            """;

    private static final String FIRST_PAGE = LIST.formatted("");
    private static final String PAGE_AFTER = LIST.formatted("AND (document_date, id) < (:date, :id)");
    private static final String BY_STATUS = LIST.replace("kind = 'INVOICE'", "kind IN ('INVOICE', 'CORRECTIVE')")
            .formatted("AND status = :status");
    private static final String BY_CLIENT = LIST.replace("kind = 'INVOICE'", "kind IN ('INVOICE', 'CORRECTIVE')")
            .formatted("AND account_id = :account");

    @Autowired
    private InvoiceVolumeGenerator generator;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private InvoicingService invoicing;

    @Autowired
    private SalesListService lists;

    @Autowired
    private SalesPrintService print;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private Flyway flyway;

    private VolumeBenchmark benchmark;

    @BeforeEach
    void benchmark() {
        benchmark = new VolumeBenchmark(users, ADMIN);
    }

    @Autowired
    private ChainVerification verification;

    @Test
    void measure() throws SQLException {
        InvoiceVolumeGenerator.VolumeSpec spec = new InvoiceVolumeGenerator.VolumeSpec(
                Integer.getInteger("nexo.benchmark.invoices", 200_000),
                Integer.getInteger("nexo.benchmark.lines", 5),
                Integer.getInteger("nexo.benchmark.year", LocalDate.now().getYear() - 2),
                Integer.getInteger("nexo.benchmark.batch", 2_500));
        // Statistics before the load: without them (a table never analysed) the planner may read a
        // line's invoice through an index of the invoice list that leads by tenant only, and the
        // plans cached by the connection's first batch keep scanning every invoice per line.
        analyze();
        long started = System.nanoTime();
        InvoiceVolumeGenerator.Volume volume = TenantContext.callAsSystem(
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
                "%nGenerated in %.1f s: %d issued invoices (%s ... %s), %d lines%n",
                generationSeconds,
                volume.invoices(),
                volume.firstNumber(),
                volume.lastNumber(),
                volume.lines());
        long verifying = System.nanoTime();
        ChainVerification.Result chain = TenantContext.callAsSystem(DEMO_TENANT, null, verification::verify);
        System.out.printf(
                Locale.ROOT,
                "Invoice records chain verified in %.1f s: %d records, %s%n",
                (System.nanoTime() - verifying) / 1e9,
                chain.checked(),
                chain.ok() ? "unbroken" : "broken at " + chain.broken().orElseThrow());
        assertThat(chain.ok()).isTrue();
        assertThat(chain.checked()).isGreaterThanOrEqualTo(volume.invoices());

        try (Connection connection = TestDatabase.asApplicationRole()) {
            connection.setAutoCommit(false);
            benchmark.bind(connection, DEMO_TENANT);
            JdbcClient sql = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            long invoices = sql.sql("SELECT count(*) FROM sales_document WHERE kind = 'INVOICE'")
                    .query(Long.class)
                    .single();
            long deep = invoices * 9 / 10;
            Map<String, Object> key = sql.sql("""
                            SELECT document_date, id, number FROM sales_document WHERE kind = 'INVOICE'
                             ORDER BY document_date DESC, id DESC OFFSET :offset LIMIT 1
                            """).param("offset", deep).query().singleRow();
            VolumeBenchmark.printPlanAndHeader(
                    "Deep page plan", sql, PAGE_AFTER, Map.of("date", key.get("document_date"), "id", key.get("id")));
            // The service is the invoice list's (invoices with their corrective invoices, newest first).
            SalesQuery invoiceList = new SalesQuery(SalesFilter.all(DocumentKind.INVOICE), null);
            PageCursor deepCursor = new PageCursor(key.get("document_date").toString(), (UUID) key.get("id"));
            benchmark.report(
                    "invoice list, first page (50, newest first) of " + invoices,
                    () -> lists.page(invoiceList, null, 50),
                    () -> sql.sql(FIRST_PAGE).query().listOfRows());
            benchmark.report(
                    "invoice list, page 90 % deep (keyset after row " + deep + ")",
                    () -> lists.page(invoiceList, deepCursor, 50),
                    () -> sql.sql(PAGE_AFTER)
                            .param("date", key.get("document_date"))
                            .param("id", key.get("id"))
                            .query()
                            .listOfRows());
            // Filtered lists, first page: by state (issued: nearly every invoice; cancelled: a handful)
            // and by client (one of the generator's 200 clients, so about 1 invoice in 200).
            UUID client =
                    sql.sql("""
                            SELECT account_id FROM sales_document WHERE kind = 'INVOICE' AND number_year = :year
                             GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1
                            """).param("year", spec.year()).query(UUID.class).single();
            for (DocumentStatus status : List.of(DocumentStatus.ISSUED, DocumentStatus.CANCELLED)) {
                SalesQuery byStatus = new SalesQuery(
                        new SalesFilter(DocumentKind.INVOICE, status, false, null, null, null, null, null), null);
                benchmark.report(
                        "invoice list filtered by state " + status + ", first page",
                        () -> lists.page(byStatus, null, 50),
                        () -> sql.sql(BY_STATUS)
                                .param("status", status.name())
                                .query()
                                .listOfRows());
            }
            SalesQuery byClient =
                    new SalesQuery(SalesFilter.all(DocumentKind.INVOICE).withAccount(client), null);
            benchmark.report(
                    "invoice list filtered by client, first page",
                    () -> lists.page(byClient, null, 50),
                    () -> sql.sql(BY_CLIENT).param("account", client).query().listOfRows());
            // Text search through nexo_sales_document_search (trigram indexes): a client's name, an
            // article code and an invoice number. The service's own SQL is the only one measured.
            String clientName = sql.sql("SELECT client_name FROM sales_document WHERE account_id = :account LIMIT 1")
                    .param("account", client)
                    .query(String.class)
                    .single();
            String articleCode = sql.sql("""
                            SELECT l.article_code FROM sales_document_line l
                             WHERE l.article_code IS NOT NULL ORDER BY l.id LIMIT 1""").query(String.class).single();
            String number = (String) key.get("number");
            for (String text : List.of(clientName, articleCode, number)) {
                SalesQuery search =
                        new SalesQuery(SalesFilter.all(DocumentKind.INVOICE).withText(text), null);
                benchmark.reportService(
                        "invoice list searched for \"" + text + "\", first page", () -> lists.page(search, null, 50));
            }
            connection.rollback();
        }

        UUID fiftyLines = issueFiftyLineInvoices();

        // The PDF of one of those 50-line invoices (target < 300 ms), as the invoice page's link
        // asks for it: the document read, the invoice record's QR code, the template rendered.
        long[] pdf = benchmark.asUser(() -> VolumeBenchmark.times(() -> print.pdf(fiftyLines)));
        System.out.printf(
                Locale.ROOT,
                "| PDF of a 50-line invoice (target < 300 ms) | %s | – | – |%n",
                VolumeBenchmark.percentiles(pdf));
    }

    /**
     * Saving a 50-line draft invoice and issuing it, as the administrator: each p95 and both
     * together. Returns the last invoice issued.
     */
    private UUID issueFiftyLineInvoices() {
        return benchmark.asUser(() -> {
            UUID client =
                    documents.clientsMatching("Hermanos Pérez", 1).getFirst().id();
            List<UUID> articles = new ArrayList<>();
            for (String code : List.of("TOR-", "TUE-", "ARA-", "HER-", "ACE-", "EPI-", "QUI-", "SER-")) {
                documents.articlesMatching(code, 10).forEach(article -> articles.add(article.id()));
            }
            assertThat(articles).isNotEmpty();
            List<LineForm> lines = new ArrayList<>();
            for (int i = 0; i < ISSUE_LINES; i++) {
                LineForm line = documents.lineFor(
                        articles.get(i % articles.size()), BigDecimal.valueOf(1 + i % 7), Locale.ROOT);
                line.setDiscountPercent(i % 5 == 0 ? BigDecimal.TEN : BigDecimal.ZERO);
                lines.add(line);
            }
            long[] save = new long[ISSUE_RUNS];
            long[] issue = new long[ISSUE_RUNS];
            long[] both = new long[ISSUE_RUNS];
            UUID last = null;
            for (int run = -VolumeBenchmark.WARM_UP; run < ISSUE_RUNS; run++) {
                DocumentForm form = documents.newForm(DocumentKind.INVOICE, client);
                form.setLines(lines.stream()
                        .map(l -> l.copyFrom(null, l.getQuantity()))
                        .toList());
                long start = System.nanoTime();
                UUID id = documents.save(form);
                long saved = System.nanoTime();
                String number = invoicing.issue(id);
                long issued = System.nanoTime();
                last = id;
                assertThat(number).startsWith("F" + LocalDate.now().getYear());
                if (run >= 0) {
                    save[run] = saved - start;
                    issue[run] = issued - saved;
                    both[run] = issued - start;
                }
            }
            System.out.printf(
                    Locale.ROOT, "| save a 50-line draft invoice | %s | – | – |%n", VolumeBenchmark.percentiles(save));
            System.out.printf(
                    Locale.ROOT,
                    "| issue it (number, amounts, frozen) | %s | – | – |%n",
                    VolumeBenchmark.percentiles(issue));
            System.out.printf(
                    Locale.ROOT,
                    "| save + issue a 50-line invoice (target < 100 ms) | %s | – | – |%n",
                    VolumeBenchmark.percentiles(both));
            return last;
        });
    }

    private void analyze() {
        VolumeBenchmark.analyze(
                flyway,
                "sales_document, sales_document_line, sales_billing_record, sales_billing_chain, change_history");
    }
}
