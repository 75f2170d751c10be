package com.nexo.sales.lists;

import static com.nexo.sales.lists.SalesListFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountService;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.demo.DemoTenant;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The sales lists on the real database as the application role, with documents made through the
 * services: keyset pages of one kind newest first, the filters, the text search (number, client,
 * article code and description on a line, case and accents ignored, wildcards literal) and the search
 * function behind it (the context tenant's ids, to employees only), counts, other tenants' documents out of sight, the CSV export and a client's
 * documents and open amount.
 */
@NexoSpringTest
class SalesListServiceTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AccountService accounts;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private InvoicingService invoicing;

    @Autowired
    private SalesListService lists;

    @Autowired
    private SalesExportService exporter;

    @Autowired
    private ClientSalesService clientSales;

    @Autowired
    private SalesFiguresService figures;

    private SalesListFixtures fixtures;
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        fixtures = new SalesListFixtures(users, accounts, documents);
    }

    private List<SalesRow> readAll(SalesQuery query, int pageSize) {
        List<SalesRow> rows = new ArrayList<>();
        PageCursor after = null;
        int pages = 0;
        do {
            PageCursor cursor = after;
            Page<SalesRow> page = fixtures.asSales(() -> lists.page(query, cursor, pageSize));
            rows.addAll(page.rows());
            after = page.next();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (after != null);
        return rows;
    }

    private SalesFilter quotesOf(UUID client) {
        return SalesFilter.all(DocumentKind.QUOTE).withAccount(client);
    }

    @Test
    void a_list_reads_one_kind_newest_first_in_pages_and_counts_it() {
        UUID client = fixtures.client("Paginada");
        List<UUID> quotes = IntStream.range(0, 30)
                .mapToObj(i -> fixtures.draft(
                        DocumentKind.QUOTE, client, today.minusDays(i % 10), List.of(line("Servicio " + i, "1", "10"))))
                .toList();
        for (int i = 0; i < 4; i++) {
            fixtures.draft(DocumentKind.ORDER, client, today, List.of(line("Pedido " + i, "1", "10")));
        }

        List<SalesRow> rows = readAll(new SalesQuery(quotesOf(client), SalesSort.newestFirst()), 7);

        assertThat(rows).extracting(SalesRow::id).containsExactlyInAnyOrderElementsOf(quotes);
        assertThat(rows).extracting(SalesRow::kind).containsOnly(DocumentKind.QUOTE);
        assertThat(rows)
                .as("newest first (ties by id, in the database's uuid order)")
                .isSortedAccordingTo(Comparator.comparing(SalesRow::date).reversed());
        assertThat(rows.getFirst().clientName()).startsWith("Paginada");
        assertThat(rows.getFirst().salespersonName()).as("the user who made it").isNotBlank();
        assertThat(rows.getFirst().total()).isEqualByComparingTo("12.10");
        CountEstimate count = fixtures.asSales(() -> lists.count(quotesOf(client)));
        assertThat(count.exact()).isTrue();
        assertThat(count.value()).isEqualTo(30);
        assertThat(fixtures.asSales(
                        () -> lists.count(SalesFilter.all(DocumentKind.ORDER).withAccount(client))
                                .value()))
                .isEqualTo(4);
    }

    @Test
    void other_orders_page_through_every_row_once() {
        UUID client = fixtures.client("Ordenada");
        for (int i = 0; i < 12; i++) {
            fixtures.draft(
                    DocumentKind.QUOTE,
                    client,
                    today.minusDays(i),
                    List.of(line("Línea " + i, "1", Integer.toString(100 - (i % 4) * 10))));
        }
        for (SalesSort by : SalesSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<SalesRow> rows = readAll(new SalesQuery(quotesOf(client), new Sort<>(by, descending)), 5);
                assertThat(rows).as(by + (descending ? " desc" : "")).hasSize(12);
                assertThat(rows.stream().map(SalesRow::id).distinct()).hasSize(12);
                if (by == SalesSort.TOTAL) {
                    Comparator<SalesRow> byTotal = Comparator.comparing(SalesRow::total);
                    assertThat(rows).isSortedAccordingTo(descending ? byTotal.reversed() : byTotal);
                }
            }
        }
    }

    @Test
    void filters_by_state_dates_salesperson_expiry_and_text_on_number_client_and_lines() {
        UUID client = fixtures.client("Filtrada");
        UUID old = fixtures.draft(
                DocumentKind.QUOTE, client, today.minusDays(60), List.of(line("Tornillo " + fixtures.tag, "1", "1")));
        UUID recent = fixtures.draft(DocumentKind.QUOTE, client, today, List.of(line("Tuerca", "2", "3")));
        UUID sent = fixtures.draft(DocumentKind.QUOTE, client, today.minusDays(2), List.of(line("Arandela", "1", "1")));
        fixtures.asSales(() -> {
            flow.send(sent);
            return null;
        });
        String sentNumber = fixtures.asSales(() -> documents.document(sent).number());
        UUID me = fixtures.asSales(() -> CurrentUser.get().map(NexoUser::userId).orElseThrow());
        SalesFilter all = quotesOf(client);

        assertThat(ids(new SalesFilter(DocumentKind.QUOTE, DocumentStatus.SENT, false, null, null, null, client, null)))
                .containsExactly(sent);
        assertThat(ids(new SalesFilter(DocumentKind.QUOTE, null, false, today.minusDays(3), today, null, client, null)))
                .containsExactlyInAnyOrder(recent, sent);
        assertThat(ids(new SalesFilter(DocumentKind.QUOTE, null, true, null, null, null, client, null)))
                .as("valid 30 days from 60 days ago: expired")
                .containsExactly(old);
        assertThat(readAll(new SalesQuery(all, null), 10))
                .filteredOn(SalesRow::expired)
                .extracting(SalesRow::id)
                .containsExactly(old);
        assertThat(ids(new SalesFilter(DocumentKind.QUOTE, null, false, null, null, me, client, null)))
                .hasSize(3);
        assertThat(ids(new SalesFilter(DocumentKind.QUOTE, null, false, null, null, UUID.randomUUID(), client, null)))
                .isEmpty();
        assertThat(ids(all.withText(sentNumber))).as("by number").containsExactly(sent);
        assertThat(ids(all.withText("tornillo " + fixtures.tag.toLowerCase(Locale.ROOT))))
                .as("by a line's description")
                .containsExactly(old);
        assertThat(ids(SalesFilter.all(DocumentKind.QUOTE).withText("filtrada " + fixtures.tag)))
                .as("by client name, across clients")
                .containsExactlyInAnyOrder(old, recent, sent);
        assertThat(ids(all.withText("100%_\\"))).as("wildcards are literal").isEmpty();
        assertThat(fixtures.asSales(() -> lists.count(all.withText("Tuerca")).value()))
                .isEqualTo(1);
    }

    @Test
    void the_invoice_list_shows_corrective_invoices_marked_and_open_amounts() {
        UUID client = fixtures.client("Facturada");
        UUID invoice = fixtures.draft(DocumentKind.INVOICE, client, today, List.of(line("Consultoría", "1", "100")));
        SalesFigures before = fixtures.asSales(() -> figures.figures());
        UUID corrective = fixtures.asSales(() -> {
            invoicing.issue(invoice);
            invoicing.registerPayment(invoice, today, new BigDecimal("21.00"), "transfer");
            return invoicing.correct(invoice, "Precio erróneo");
        });

        List<SalesRow> rows = readAll(
                new SalesQuery(SalesFilter.all(DocumentKind.INVOICE).withAccount(client), SalesSort.newestFirst()), 10);

        assertThat(rows).extracting(SalesRow::id).containsExactlyInAnyOrder(invoice, corrective);
        SalesRow issued = rows.stream()
                .filter(row -> row.id().equals(invoice))
                .findFirst()
                .orElseThrow();
        assertThat(issued.corrective()).isFalse();
        assertThat(issued.openAmount()).isEqualByComparingTo("100.00");
        assertThat(rows.stream()
                        .filter(row -> row.id().equals(corrective))
                        .findFirst()
                        .orElseThrow()
                        .corrective())
                .isTrue();
        assertThat(fixtures.asSales(() -> clientSales.openAmounts(client)))
                .singleElement()
                .satisfies(open -> {
                    assertThat(open.currency()).isEqualTo("EUR");
                    assertThat(open.open()).isEqualByComparingTo("100.00");
                    assertThat(open.openInvoices()).isEqualTo(1);
                });
        assertThat(fixtures.asSales(
                        () -> clientSales.documents(client, null, 10).rows()))
                .extracting(SalesRow::id)
                .containsExactlyInAnyOrder(invoice, corrective);
    }

    @Test
    void another_tenant_sees_none_of_the_documents() {
        UUID client = fixtures.client("Aislada");
        fixtures.draft(DocumentKind.QUOTE, client, today, List.of(line("Secreto " + fixtures.tag, "1", "1")));

        assertThat(fixtures.asSales(
                        () -> lists.count(SalesFilter.all(DocumentKind.QUOTE).withText("Secreto " + fixtures.tag))
                                .value()))
                .isEqualTo(1);
        String northwind = "admin@northwind.nexo";
        assertThat(fixtures.as(
                        northwind,
                        () -> lists.page(
                                        new SalesQuery(
                                                SalesFilter.all(DocumentKind.QUOTE)
                                                        .withText(fixtures.tag),
                                                null),
                                        null,
                                        50)
                                .rows()))
                .isEmpty();
        assertThat(fixtures.as(northwind, () -> lists.count(quotesOf(client)).value()))
                .isZero();
        assertThat(fixtures.as(
                        northwind, () -> clientSales.documents(client, null, 10).rows()))
                .isEmpty();
    }

    @Test
    void the_text_search_finds_code_description_and_client_ignoring_case_and_accents_and_takes_wildcards_literally() {
        UUID client = fixtures.client("Búsqueda Ñandú");
        LineForm coded = line("Válvula de bola " + fixtures.tag, "1", "5");
        coded.setArticleCode("VLV-" + fixtures.tag);
        UUID valve = fixtures.draft(DocumentKind.ORDER, client, today, List.of(line("Portes", "1", "1"), coded));
        UUID literal = fixtures.draft(
                DocumentKind.ORDER,
                client,
                today.minusDays(1),
                List.of(line("Rebaja 100%_x " + fixtures.tag, "1", "1")));
        UUID lookalike = fixtures.draft(
                DocumentKind.ORDER,
                client,
                today.minusDays(2),
                List.of(line("Rebaja 1000x " + fixtures.tag, "1", "1")));
        LineForm quoted = line("Válvula de bola " + fixtures.tag, "1", "5");
        quoted.setArticleCode("VLV-" + fixtures.tag);
        UUID quote = fixtures.draft(DocumentKind.QUOTE, client, today, List.of(quoted));
        fixtures.asSales(() -> {
            flow.send(quote);
            return null;
        });
        String quoteNumber = fixtures.asSales(() -> documents.document(quote).number());
        SalesFilter orders = SalesFilter.all(DocumentKind.ORDER).withAccount(client);

        assertThat(ids(SalesFilter.all(DocumentKind.ORDER).withText("vlv-" + fixtures.tag.toLowerCase(Locale.ROOT))))
                .as("by article code, case ignored, only the list's kind")
                .containsExactly(valve);
        assertThat(ids(orders.withText("VALVULA DE BOLA")))
                .as("by description, accents ignored")
                .containsExactly(valve);
        assertThat(ids(orders.withText("válvula  de   bóla")))
                .as("spaces and accents of the text")
                .containsExactly(valve);
        assertThat(ids(SalesFilter.all(DocumentKind.ORDER).withText("busqueda nandu " + fixtures.tag)))
                .as("by client name, accents and case ignored")
                .containsExactlyInAnyOrder(valve, literal, lookalike);
        assertThat(ids(SalesFilter.all(DocumentKind.QUOTE)
                        .withAccount(client)
                        .withText(quoteNumber.toLowerCase(Locale.ROOT))))
                .as("by number, case ignored")
                .containsExactly(quote);
        assertThat(ids(SalesFilter.all(DocumentKind.QUOTE).withAccount(client).withText(quoteNumber.substring(1))))
                .as("by part of the number")
                .containsExactly(quote);
        assertThat(ids(orders.withText("100%_"))).as("% and _ literally").containsExactly(literal);
        assertThat(ids(orders.withText("100%"))).containsExactly(literal);
        assertThat(ids(orders.withText("10_0"))).as("_ is no wildcard").isEmpty();
        assertThat(ids(orders.withText("rebaja%x"))).as("% is no wildcard").isEmpty();
        assertThat(ids(orders.withText("rebaja 1000"))).containsExactly(lookalike);
        assertThat(fixtures.asSales(() -> lists.count(orders.withText("rebaja")).value()))
                .isEqualTo(2);
    }

    @Test
    void the_search_function_answers_only_employees_with_the_context_tenants_documents() throws SQLException {
        UUID client = fixtures.client("Función");
        UUID quote = fixtures.draft(
                DocumentKind.QUOTE, client, today, List.of(line("Confidencial " + fixtures.tag, "1", "1")));
        String search =
                "SELECT count(*) FROM nexo_sales_document_search(ARRAY['QUOTE'], ?) WHERE nexo_sales_document_search = ?";
        String text = "confidencial " + fixtures.tag;
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            TestContexts.bind(db, new DatabaseContext(DemoTenant.DEMO.id(), null, ActorType.EMPLOYEE, null));
            assertThat(count(db, search, text, quote))
                    .as("the document's own tenant")
                    .isOne();
            assertThat(count(db, search, "función " + fixtures.tag, quote))
                    .as("by client")
                    .isOne();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM nexo_sales_document_search(ARRAY['ORDER'], ?) WHERE nexo_sales_document_search = ?",
                            text,
                            quote))
                    .as("only the kinds asked for")
                    .isZero();
            db.rollback();
            TestContexts.bind(db, new DatabaseContext(DemoTenant.NORTHWIND.id(), null, ActorType.EMPLOYEE, null));
            assertThat(count(db, search, text, quote)).as("another tenant").isZero();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM nexo_sales_document_search(ARRAY['QUOTE'], ?) WHERE ? IS NOT NULL",
                            fixtures.tag,
                            quote))
                    .as("another tenant, anything of the tag")
                    .isZero();
            db.rollback();
            // The staff role alone may call it: a portal actor of the same tenant and no context are refused.
            for (DatabaseContext outsider : new DatabaseContext[] {
                new DatabaseContext(DemoTenant.DEMO.id(), null, ActorType.CLIENT, DemoTenant.CLIENT_PARTY), null
            }) {
                TestContexts.bind(db, outsider);
                assertThatThrownBy(() -> count(db, search, text, quote))
                        .as(String.valueOf(outsider))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getMessage())
                                    .contains("permission denied for function nexo_sales_document_search");
                        });
                db.rollback();
            }
        }
    }

    private static long count(Connection db, String sql, String text, UUID id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, text);
            statement.setObject(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void the_csv_export_has_translated_headers_and_one_line_per_document_and_needs_the_permission() {
        UUID client = fixtures.client("Exportada");
        fixtures.draft(DocumentKind.QUOTE, client, LocalDate.of(2026, 3, 5), List.of(line("Uno", "1", "1000")));
        SalesQuery query = new SalesQuery(quotesOf(client), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written =
                fixtures.asSales(() -> exporter.exportCsv(query, Locale.ENGLISH, ZoneId.of("Europe/Madrid"), out));

        assertThat(written).isEqualTo(1);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("\uFEFFKind,Number,Date,Client,Salesperson,State,Total,Currency,Open amount");
        assertThat(lines.get(1))
                .startsWith("Quote,,2026-03-05,Exportada " + fixtures.tag + ",")
                .contains(",Expired,1210,EUR,");
        ByteArrayOutputStream spanish = new ByteArrayOutputStream();
        fixtures.asSales(() -> exporter.exportCsv(query, Locale.of("es"), ZoneId.of("Europe/Madrid"), spanish));
        assertThat(spanish.toString(StandardCharsets.UTF_8).lines().toList().getFirst())
                .startsWith("\uFEFFTipo;Número;Fecha;Cliente");
        assertThatThrownBy(() -> fixtures.as(
                        SalesListFixtures.READ_ONLY,
                        () -> exporter.exportCsv(query, Locale.ENGLISH, ZoneId.of("UTC"), out)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private List<UUID> ids(SalesFilter filter) {
        return readAll(new SalesQuery(filter, null), 50).stream()
                .map(SalesRow::id)
                .toList();
    }
}
