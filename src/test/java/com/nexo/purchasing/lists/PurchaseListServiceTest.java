package com.nexo.purchasing.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountService;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import com.nexo.demo.DemoTenant;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.DatabaseContext;
import com.nexo.tenancy.TestContexts;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The purchasing lists on the real database as the application role: keyset pages of one kind newest
 * first and in the other whitelisted orders, the filters (state, supplier, dates; an RFQ's suppliers),
 * the order columns (expected date, received share), the text search (number, supplier name, the
 * supplier's reference; case and accents ignored, wildcards literal) and its function (the context
 * tenant's ids, to employees only), counts, CSV export, saved filters and a supplier's documents.
 */
@NexoSpringTest
class PurchaseListServiceTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AccountService accounts;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private PurchaseListService lists;

    @Autowired
    private PurchaseFilterService filters;

    @Autowired
    private PurchaseExportService exporter;

    @Autowired
    private SupplierPurchasesService supplierPurchases;

    private PurchaseListFixtures fixtures;
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        fixtures = new PurchaseListFixtures(users, accounts, jdbc, transactions);
    }

    private List<PurchaseRow> readAll(PurchaseQuery query, int pageSize) {
        List<PurchaseRow> rows = new ArrayList<>();
        PageCursor after = null;
        int pages = 0;
        do {
            PageCursor cursor = after;
            Page<PurchaseRow> page =
                    fixtures.as(PurchaseListFixtures.READ_ONLY, () -> lists.page(query, cursor, pageSize));
            rows.addAll(page.rows());
            after = page.next();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (after != null);
        return rows;
    }

    private List<UUID> ids(PurchaseFilter filter) {
        return readAll(new PurchaseQuery(filter, null), 50).stream()
                .map(PurchaseRow::id)
                .toList();
    }

    private PurchaseFilter ordersOf(UUID supplier) {
        return PurchaseFilter.all(PurchaseKind.ORDER).withSupplier(supplier);
    }

    @Test
    void the_order_list_reads_orders_newest_first_in_keyset_pages_in_every_order_and_counts_them() {
        UUID supplier = fixtures.supplier("Paginado");
        List<UUID> orders = IntStream.range(0, 23)
                .mapToObj(i -> fixtures.order(
                        supplier,
                        i % 3 == 0 ? PurchaseStatus.DRAFT : PurchaseStatus.SENT,
                        today.minusDays(i % 8),
                        Integer.toString(100 + (i * 37) % 50)))
                .toList();
        fixtures.bill(supplier, PurchaseStatus.DRAFT, today, "10", "FRA-" + fixtures.tag);
        fixtures.rfq(PurchaseStatus.SENT, today, supplier);

        List<PurchaseRow> newestFirst = readAll(new PurchaseQuery(ordersOf(supplier), null), 5);

        assertThat(newestFirst).extracting(PurchaseRow::id).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(newestFirst).allSatisfy(row -> assertThat(row.kind()).isEqualTo(PurchaseKind.ORDER));
        assertThat(newestFirst)
                .isSortedAccordingTo(Comparator.comparing(PurchaseRow::date)
                        .thenComparing(PurchaseRow::id)
                        .reversed());
        for (PurchaseSort by : PurchaseSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                List<PurchaseRow> sorted =
                        readAll(new PurchaseQuery(ordersOf(supplier), new Sort<>(by, descending)), 4);
                assertThat(sorted).as(by + " " + descending).hasSize(23).doesNotHaveDuplicates();
                Comparator<PurchaseRow> key = switch (by) {
                    case DATE -> Comparator.comparing(PurchaseRow::date);
                    case NUMBER -> Comparator.comparing(row -> row.number() == null ? "ORDER" : row.number());
                    case SUPPLIER -> Comparator.comparing(PurchaseRow::supplierName);
                    case TOTAL -> Comparator.comparing(PurchaseRow::total);
                };
                Comparator<PurchaseRow> order = key.thenComparing(PurchaseRow::id);
                assertThat(sorted).as(by + " " + descending).isSortedAccordingTo(descending ? order.reversed() : order);
            }
        }
        assertThat(fixtures.as(PurchaseListFixtures.READ_ONLY, () -> lists.count(ordersOf(supplier))))
                .satisfies(count -> {
                    assertThat(count.exact()).isTrue();
                    assertThat(count.value()).isEqualTo(23);
                });
    }

    @Test
    void the_filters_narrow_by_state_supplier_and_dates_and_rfqs_by_the_suppliers_they_went_to() {
        UUID supplier = fixtures.supplier("Filtrado");
        UUID other = fixtures.supplier("Otro filtrado");
        UUID toApprove = fixtures.order(supplier, PurchaseStatus.TO_APPROVE, today, "5000");
        UUID sentLastMonth = fixtures.order(supplier, PurchaseStatus.SENT, today.minusDays(40), "100");
        UUID received = fixtures.order(supplier, PurchaseStatus.PARTIALLY_RECEIVED, today.minusDays(5), "300");
        UUID othersOrder = fixtures.order(other, PurchaseStatus.TO_APPROVE, today, "7000");
        fixtures.line(received, 1, "10", "10");
        fixtures.line(received, 2, "30", "5");
        UUID rfqToBoth = fixtures.rfq(PurchaseStatus.SENT, today, supplier, other);
        UUID rfqToOther = fixtures.rfq(PurchaseStatus.DRAFT, today, other);

        assertThat(ids(ordersOf(supplier).withStatus(PurchaseStatus.TO_APPROVE)))
                .containsExactly(toApprove);
        assertThat(ids(ordersOf(supplier).withDates(today.minusDays(10), today)))
                .containsExactlyInAnyOrder(toApprove, received);
        assertThat(ids(ordersOf(supplier).withDates(null, today.minusDays(30)))).containsExactly(sentLastMonth);
        assertThat(ids(ordersOf(other))).containsExactly(othersOrder);
        assertThat(ids(PurchaseFilter.all(PurchaseKind.RFQ).withSupplier(supplier)))
                .containsExactly(rfqToBoth);
        assertThat(ids(PurchaseFilter.all(PurchaseKind.RFQ).withSupplier(other)))
                .containsExactlyInAnyOrder(rfqToBoth, rfqToOther);

        PurchaseRow partly = readAll(new PurchaseQuery(ordersOf(supplier), null), 50).stream()
                .filter(row -> row.id().equals(received))
                .findFirst()
                .orElseThrow();
        assertThat(partly.receivedPercent()).as("(10 + 5) of 40").isEqualByComparingTo("37.5");
        assertThat(partly.expectedDate()).isEqualTo(today.minusDays(5).plusDays(7));
        assertThat(partly.status()).isEqualTo(PurchaseStatus.PARTIALLY_RECEIVED);
        PurchaseRow rfq = readAll(
                        new PurchaseQuery(PurchaseFilter.all(PurchaseKind.RFQ).withSupplier(supplier), null), 5)
                .getFirst();
        assertThat(rfq.supplierName())
                .as("an RFQ lists its suppliers")
                .isEqualTo("Filtrado " + fixtures.tag + ", Otro filtrado " + fixtures.tag);
        assertThat(rfq.receivedPercent()).isNull();
    }

    @Test
    void the_text_search_finds_number_supplier_and_supplier_reference_ignoring_case_and_accents() {
        UUID supplier = fixtures.supplier("Ñandú Búsqueda");
        UUID order = fixtures.order(supplier, PurchaseStatus.SENT, today, "10");
        UUID draft = fixtures.order(supplier, PurchaseStatus.DRAFT, today, "20");
        UUID bill = fixtures.bill(supplier, PurchaseStatus.DRAFT, today, "30", "FV 100%_x " + fixtures.tag);
        UUID lookalike = fixtures.bill(supplier, PurchaseStatus.DRAFT, today, "30", "FV 1000x " + fixtures.tag);
        UUID receipt = fixtures.receipt(supplier, order, today, "ALB-77-" + fixtures.tag);
        UUID rfq = fixtures.rfq(PurchaseStatus.SENT, today, supplier);
        String number = fixtures.numberOf(order);
        PurchaseFilter bills = PurchaseFilter.all(PurchaseKind.BILL).withSupplier(supplier);

        assertThat(ids(PurchaseFilter.all(PurchaseKind.ORDER).withText("nandu busqueda " + fixtures.tag)))
                .as("by supplier name, accents and case ignored, only the list's kind")
                .containsExactlyInAnyOrder(order, draft);
        assertThat(ids(PurchaseFilter.all(PurchaseKind.ORDER).withText(number.toLowerCase(Locale.ROOT))))
                .as("by number, case ignored")
                .containsExactly(order);
        assertThat(ids(PurchaseFilter.all(PurchaseKind.RECEIPT).withText("alb-77-" + fixtures.tag)))
                .as("by the supplier's delivery note")
                .containsExactly(receipt);
        assertThat(ids(PurchaseFilter.all(PurchaseKind.RFQ).withText("ÑANDÚ búsqueda " + fixtures.tag)))
                .as("an RFQ by one of its suppliers")
                .containsExactly(rfq);
        assertThat(ids(bills.withText("100%_"))).as("% and _ literally").containsExactly(bill);
        assertThat(ids(bills.withText("10_0"))).as("_ is no wildcard").isEmpty();
        assertThat(ids(bills.withText("fv%x"))).as("% is no wildcard").isEmpty();
        assertThat(ids(bills.withText("fv 1000"))).containsExactly(lookalike);
        assertThat(fixtures.as(
                        PurchaseListFixtures.READ_ONLY,
                        () -> lists.count(bills.withText("fv")).value()))
                .isEqualTo(2);
    }

    @Test
    void a_broad_text_compared_row_by_row_finds_the_same_pages_as_the_search_function() {
        UUID broad = fixtures.supplier("Amplio Búsqueda");
        UUID other = fixtures.supplier("Otro Búsqueda");
        List<UUID> orders = IntStream.range(0, 12)
                .mapToObj(i -> fixtures.order(
                        broad,
                        i % 3 == 0 ? PurchaseStatus.DRAFT : PurchaseStatus.SENT,
                        today.minusDays(i % 5),
                        Integer.toString(100 + (i * 7) % 40)))
                .toList();
        UUID otherOrder = fixtures.order(other, PurchaseStatus.SENT, today, "55");
        fixtures.receipt(broad, orders.get(1), today, "ALB-AMPLIO-" + fixtures.tag);
        fixtures.bill(other, PurchaseStatus.DRAFT, today, "30", "FV 100%_x " + fixtures.tag);
        fixtures.bill(other, PurchaseStatus.DRAFT, today, "30", "FV 1000x " + fixtures.tag);
        String number = fixtures.numberOf(otherOrder);

        List<String> texts = List.of(
                "amplio busqueda " + fixtures.tag,
                "AMPLIÓ",
                "búsqueda " + fixtures.tag,
                fixtures.tag,
                number.toLowerCase(Locale.ROOT),
                "100%_",
                "10_0",
                "fv%x",
                "nothing-" + fixtures.tag);
        for (String text : texts) {
            for (PurchaseKind kind : List.of(PurchaseKind.ORDER, PurchaseKind.RECEIPT, PurchaseKind.BILL)) {
                PurchaseFilter filter = PurchaseFilter.all(kind).withText(text);
                for (PurchaseSort by : PurchaseSort.values()) {
                    for (boolean descending : new boolean[] {false, true}) {
                        Sort<PurchaseSort> sort = new Sort<>(by, descending);
                        List<UUID> function = pagesOf(filter, sort, false);
                        assertThat(pagesOf(filter, sort, true))
                                .as("%s in %s by %s %s", text, kind, by, descending)
                                .isEqualTo(function);
                        assertThat(pagesOf(filter, sort, null))
                                .as("sized: %s in %s by %s %s", text, kind, by, descending)
                                .isEqualTo(function);
                    }
                }
            }
        }
        PurchaseFilter byName = PurchaseFilter.all(PurchaseKind.ORDER).withText("amplio busqueda " + fixtures.tag);
        assertThat(pagesOf(byName, new Sort<>(PurchaseSort.DATE, true), true))
                .containsExactlyInAnyOrderElementsOf(orders);
        // The lists' sizing by supplier names: the name's twelve orders, not the other supplier's.
        assertThat(sized("nexo_purchase_document_names_exceed", byName, 11)).isTrue();
        assertThat(sized("nexo_purchase_document_names_exceed", byName, 12)).isFalse();
        assertThat(sized(
                        "nexo_purchase_document_names_exceed",
                        PurchaseFilter.all(PurchaseKind.ORDER).withText("búsqueda " + fixtures.tag),
                        12))
                .as("both suppliers' names")
                .isTrue();
        assertThat(sized(
                        "nexo_purchase_document_names_exceed",
                        PurchaseFilter.all(PurchaseKind.ORDER).withText(number),
                        0))
                .as("a number names no supplier")
                .isFalse();
        // ... and the capped look-up by the trigram index.
        assertThat(firstMatches(byName, 5)).hasSize(5).isSubsetOf(orders);
        assertThat(firstMatches(byName, 100)).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(firstMatches(PurchaseFilter.all(PurchaseKind.ORDER).withText(number), 100))
                .containsExactly(otherOrder);
    }

    private boolean sized(String function, PurchaseFilter filter, int limit) {
        return fixtures.as(
                PurchaseListFixtures.READ_ONLY,
                () -> new TransactionTemplate(transactions)
                        .execute(status -> jdbc.sql("SELECT " + function + "(:kind, :text, :limit)")
                                .param("kind", filter.kind().name())
                                .param("text", filter.text())
                                .param("limit", limit)
                                .query(Boolean.class)
                                .single()));
    }

    private List<UUID> firstMatches(PurchaseFilter filter, int limit) {
        return fixtures.as(
                PurchaseListFixtures.READ_ONLY,
                () -> new TransactionTemplate(transactions)
                        .execute(status -> jdbc.sql("SELECT nexo_purchase_document_search_first(:kind, :text, :limit)")
                                .param("kind", filter.kind().name())
                                .param("text", filter.text())
                                .param("limit", limit)
                                .query(UUID.class)
                                .list()));
    }

    /**
     * Every page (of 4) of the list through one form of the text search, as the reader: row by row,
     * through the search function, or (null) the form the lists' sizing picks.
     */
    private List<UUID> pagesOf(PurchaseFilter filter, Sort<PurchaseSort> sort, Boolean rowByRow) {
        return fixtures.as(
                PurchaseListFixtures.READ_ONLY,
                () -> new TransactionTemplate(transactions).execute(status -> {
                    List<UUID> ids = new ArrayList<>();
                    PageCursor after = null;
                    do {
                        Page<PurchaseRow> page = (rowByRow == null
                                        ? PurchaseListQueries.of(jdbc, PurchaseListQueries.COLUMNS, filter)
                                        : PurchaseListQueries.of(PurchaseListQueries.COLUMNS, filter, rowByRow))
                                .page(
                                        jdbc,
                                        PurchaseListQueries.order(filter.kind(), sort),
                                        after,
                                        4,
                                        PurchaseListQueries.ROW);
                        page.rows().forEach(row -> ids.add(row.id()));
                        after = page.next();
                    } while (after != null);
                    return ids;
                }));
    }

    @Test
    void the_search_function_answers_only_employees_with_the_context_tenants_documents() throws SQLException {
        UUID supplier = fixtures.supplier("Confidencial");
        UUID order = fixtures.order(supplier, PurchaseStatus.SENT, today, "10");
        String search =
                "SELECT count(*) FROM nexo_purchase_document_search(?, ?) WHERE nexo_purchase_document_search = ?";
        String text = "confidencial " + fixtures.tag;
        try (Connection db = TestDatabase.asApplicationRole()) {
            db.setAutoCommit(false);
            TestContexts.bind(db, new DatabaseContext(DemoTenant.DEMO.id(), null, ActorType.EMPLOYEE, null));
            assertThat(count(db, search, "ORDER", text, order))
                    .as("the document's own tenant")
                    .isOne();
            assertThat(count(db, search, "BILL", text, order))
                    .as("only the kind asked for")
                    .isZero();
            db.rollback();
            TestContexts.bind(db, new DatabaseContext(DemoTenant.NORTHWIND.id(), null, ActorType.EMPLOYEE, null));
            assertThat(count(db, search, "ORDER", text, order))
                    .as("another tenant")
                    .isZero();
            db.rollback();
            for (DatabaseContext outsider : new DatabaseContext[] {
                new DatabaseContext(DemoTenant.DEMO.id(), null, ActorType.SUPPLIER, DemoTenant.SUPPLIER_PARTY), null
            }) {
                TestContexts.bind(db, outsider);
                assertThatThrownBy(() -> count(db, search, "ORDER", text, order))
                        .as(String.valueOf(outsider))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("42501");
                            assertThat(e.getMessage())
                                    .contains("permission denied for function nexo_purchase_document_search");
                        });
                db.rollback();
            }
        }
    }

    private static long count(Connection db, String sql, String kind, String text, UUID id) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, kind);
            statement.setString(2, text);
            statement.setObject(3, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void the_csv_export_has_translated_headers_and_states_and_needs_the_permission() {
        UUID supplier = fixtures.supplier("Exportado");
        UUID order = fixtures.order(supplier, PurchaseStatus.TO_APPROVE, LocalDate.of(2026, 3, 5), "1210.50");
        fixtures.line(order, 1, "4", "1");
        PurchaseQuery query = new PurchaseQuery(ordersOf(supplier), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written =
                fixtures.asAdmin(() -> exporter.exportCsv(query, Locale.ENGLISH, ZoneId.of("Europe/Madrid"), out));

        assertThat(written).isEqualTo(1);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("\uFEFFKind,Number,Date,Supplier,Supplier's reference,State,Expected,Total,Currency,"
                        + "Received");
        assertThat(lines.get(1))
                .isEqualTo("Purchase order,,2026-03-05,Exportado " + fixtures.tag
                        + ",,To approve,2026-03-12,1210.5,EUR,25");
        ByteArrayOutputStream spanish = new ByteArrayOutputStream();
        fixtures.asAdmin(() -> exporter.exportCsv(query, Locale.of("es"), ZoneId.of("Europe/Madrid"), spanish));
        assertThat(spanish.toString(StandardCharsets.UTF_8).lines().toList()).satisfies(csv -> {
            assertThat(csv.getFirst()).startsWith("\uFEFFTipo;Número;Fecha;Proveedor");
            assertThat(csv.get(1)).contains(";Por aprobar;").contains("\"1210,5\"");
        });
        assertThatThrownBy(() -> fixtures.as(
                        PurchaseListFixtures.READ_ONLY,
                        () -> exporter.exportCsv(query, Locale.ENGLISH, ZoneId.of("UTC"), out)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void saved_filters_keep_the_filter_and_sort_per_list_and_user() {
        UUID supplier = fixtures.supplier("Guardado");
        PurchaseFilter filter = new PurchaseFilter(
                PurchaseKind.ORDER,
                PurchaseStatus.TO_APPROVE,
                today.minusDays(3),
                today,
                supplier,
                "x " + fixtures.tag);
        String name = "Por aprobar " + fixtures.tag;

        SavedPurchaseFilter saved = fixtures.as(
                PurchaseListFixtures.READ_ONLY,
                () -> filters.saveFilter(name, filter, Sort.ascending(PurchaseSort.TOTAL)));

        assertThat(fixtures.as(PurchaseListFixtures.READ_ONLY, () -> filters.savedFilters(PurchaseKind.ORDER)))
                .filteredOn(f -> f.name().equals(name))
                .singleElement()
                .satisfies(read -> {
                    assertThat(read.filter()).isEqualTo(filter);
                    assertThat(read.sort()).isEqualTo(Sort.ascending(PurchaseSort.TOTAL));
                });
        assertThat(fixtures.as(PurchaseListFixtures.READ_ONLY, () -> filters.savedFilters(PurchaseKind.BILL)))
                .extracting(SavedPurchaseFilter::name)
                .doesNotContain(name);
        assertThat(fixtures.asAdmin(() -> filters.savedFilters(PurchaseKind.ORDER)))
                .as("another user's")
                .extracting(SavedPurchaseFilter::name)
                .doesNotContain(name);
        assertThatThrownBy(
                        () -> fixtures.as(PurchaseListFixtures.READ_ONLY, () -> filters.saveFilter(" ", filter, null)))
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.list.saved-filters.name-required"));
        fixtures.as(PurchaseListFixtures.READ_ONLY, () -> {
            filters.deleteSavedFilter(PurchaseKind.ORDER, saved.id());
            return null;
        });
        assertThat(fixtures.as(PurchaseListFixtures.READ_ONLY, () -> filters.savedFilters(PurchaseKind.ORDER)))
                .extracting(SavedPurchaseFilter::name)
                .doesNotContain(name);
    }

    @Test
    void a_suppliers_documents_are_its_rfqs_orders_receipts_and_bills_newest_first() {
        UUID supplier = fixtures.supplier("Ficha compras");
        UUID other = fixtures.supplier("Ajeno");
        UUID rfq = fixtures.rfq(PurchaseStatus.SENT, today.minusDays(10), other, supplier);
        UUID order = fixtures.order(supplier, PurchaseStatus.SENT, today.minusDays(8), "100");
        UUID receipt = fixtures.receipt(supplier, order, today.minusDays(2), "ALB-" + fixtures.tag);
        UUID bill = fixtures.bill(supplier, PurchaseStatus.DRAFT, today.minusDays(1), "121", "F-" + fixtures.tag);
        fixtures.order(other, PurchaseStatus.SENT, today, "5");
        fixtures.rfq(PurchaseStatus.SENT, today, other);

        List<PurchaseRow> rows = new ArrayList<>();
        PageCursor after = null;
        do {
            PageCursor cursor = after;
            Page<PurchaseRow> page =
                    fixtures.as(PurchaseListFixtures.READ_ONLY, () -> supplierPurchases.documents(supplier, cursor, 2));
            rows.addAll(page.rows());
            after = page.next();
        } while (after != null);

        assertThat(rows).extracting(PurchaseRow::id).containsExactly(bill, receipt, order, rfq);
        assertThat(rows)
                .extracting(PurchaseRow::kind)
                .containsExactly(PurchaseKind.BILL, PurchaseKind.RECEIPT, PurchaseKind.ORDER, PurchaseKind.RFQ);
        assertThat(fixtures.as(PurchaseListFixtures.READ_ONLY, () -> supplierPurchases.isSupplier(supplier)))
                .isTrue();
        UUID client = fixtures.client("Solo cliente");
        assertThat(fixtures.as(PurchaseListFixtures.READ_ONLY, () -> supplierPurchases.isSupplier(client)))
                .isFalse();
    }
}
