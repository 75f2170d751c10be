package com.nexo.purchasing.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.purchasing.PurchasingFixtures;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purchase orders as real users run them, against the real database as the application's role: a
 * buyer (every purchasing permission but approve) and an approver (the predefined purchasing role).
 * The draft's totals, its life cycle to sent and cancelled, the approval threshold, gapless numbers,
 * refusals of a non-supplier and of a stale version, each changing nothing.
 */
@NexoSpringTest
class PurchaseOrderFlowTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private PurchaseSettingsService settings;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactions;

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");

    private PurchasingFixtures fixtures;
    private UUID supplier;
    private UUID warehouse;
    private UUID bolts;
    private UUID nuts;

    @BeforeEach
    void aSupplierArticlesAndAWarehouse() {
        fixtures = new PurchasingFixtures(context);
        supplier = fixtures.supplier("Proveedora " + UUID.randomUUID());
        warehouse = fixtures.warehouse();
        bolts = fixtures.goods();
        nuts = fixtures.goods();
    }

    @Test
    void a_draft_is_written_changed_submitted_sent_and_cancelled() {
        threshold(null);
        DraftOrder draft = DraftOrder.of(
                supplier,
                warehouse,
                LocalDate.now().plusDays(7),
                List.of(
                        new OrderLine(bolts, "PRV-1", null, dec("3"), null, dec("19.99"), null, null),
                        new OrderLine(nuts, null, null, dec("10"), null, dec("1.50"), dec("10"), null),
                        OrderLine.text("Portes", BigDecimal.ONE, dec("7.35"), dec("10"))));
        UUID id = fixtures.asBuyer(() -> orders.create(draft));

        PurchaseDocument created = read(id);
        assertThat(created.status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(created.number()).isNull();
        assertThat(created.version()).isZero();
        assertThat(created.supplierName()).startsWith("Proveedora ");
        assertThat(created.warehouseId()).isEqualTo(warehouse);
        // 3 × 19.99 = 59.97 and 10 × 1.50 − 10 % = 13.50 at 21 %; 7.35 at 10 %.
        assertThat(created.lines())
                .extracting(PurchaseLine::netAmount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("59.97"), dec("13.50"), dec("7.35"));
        assertThat(created.lines().get(0).articleCode()).startsWith("A");
        assertThat(created.lines().get(0).description()).startsWith("Artículo ");
        assertThat(created.lines().get(0).unitCode()).isEqualTo("ud");
        assertThat(created.lines().get(0).supplierCode()).isEqualTo("PRV-1");
        assertThat(created.lines().get(0).vatPercent()).isEqualByComparingTo("21");
        assertThat(created.lines().get(0).stockTracked()).isTrue();
        assertThat(created.lines().get(2).articleId()).isNull();
        assertThat(created.lines().get(2).taxCode()).isEqualTo("IVA10");
        assertThat(created.baseAmount()).isEqualByComparingTo("80.82");
        // VAT per rate: 73.47 × 21 % = 15.43; 7.35 × 10 % = 0.74 (0.735 rounded half up).
        assertThat(created.vatAmount()).isEqualByComparingTo("16.17");
        assertThat(created.totalAmount()).isEqualByComparingTo("96.99");

        long version = fixtures.asBuyer(() -> orders.update(
                created.toDraftOrder().withLines(List.of(OrderLine.article(bolts, dec("4"), dec("20"))))));
        assertThat(version).isEqualTo(1);
        PurchaseDocument changed = read(id);
        assertThat(changed.lines()).hasSize(1);
        assertThat(changed.totalAmount()).isEqualByComparingTo("96.80");

        PurchaseStatus submitted = fixtures.asBuyer(() -> orders.submit(id, 1));
        assertThat(submitted).isEqualTo(PurchaseStatus.APPROVED);
        assertThat(read(id).approvedBy()).as("approved by no one: no threshold").isNull();
        assertThat(fixtures.asBuyer(() -> orders.page(id)).steps())
                .containsExactly(OrderPage.Step.SEND, OrderPage.Step.CANCEL);

        String number = fixtures.asBuyer(() -> orders.send(id, 2));
        assertThat(number).matches("PO" + LocalDate.now().getYear() + "-\\d{6}");
        PurchaseDocument sent = read(id);
        assertThat(sent.status()).isEqualTo(PurchaseStatus.SENT);
        assertThat(sent.number()).isEqualTo(number);
        assertThat(sent.sentAt()).isNotNull();

        OrderPage page = fixtures.asBuyer(() -> orders.page(id));
        assertThat(page.order().lines()).singleElement().satisfies(line -> {
            assertThat(line.receivedQuantity()).isZero();
            assertThat(line.billedQuantity()).isZero();
        });
        assertThat(page.taxes())
                .singleElement()
                .satisfies(tax -> assertThat(tax.vat()).isEqualByComparingTo("16.80"));
        assertThat(page.related()).isEmpty();
        assertThat(page.steps()).containsExactly(OrderPage.Step.CANCEL);

        assertRule(() -> fixtures.asBuyer(() -> orders.cancel(id, 3, " ")), "purchasing.rule.cancel-reason-required");
        fixtures.asBuyer(() -> orders.cancel(id, 3, "El proveedor no puede servirlo"));
        PurchaseDocument cancelled = read(id);
        assertThat(cancelled.status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("El proveedor no puede servirlo");
        assertThat(cancelled.number()).isEqualTo(number);
        assertRule(() -> fixtures.asBuyer(() -> orders.cancel(id, 4, "Otra vez")), "purchasing.rule.step-not-allowed");
        assertRule(() -> fixtures.asBuyer(() -> orders.deleteDraft(id, 4)), "purchasing.rule.step-not-allowed");
    }

    @Test
    void a_draft_is_deleted_and_bulk_drafts_are_all_or_nothing() {
        List<UUID> ids = fixtures.asBuyer(() -> orders.createDrafts(List.of(
                DraftOrder.of(supplier, warehouse, null, List.of(OrderLine.article(bolts, dec("1"), dec("2")))),
                DraftOrder.of(supplier, null, null, List.of(OrderLine.article(nuts, dec("5"), dec("1")))))));
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();
        assertThat(read(ids.get(1)).totalAmount()).isEqualByComparingTo("6.05");

        fixtures.asBuyer(() -> orders.deleteDraft(ids.get(0), 0));
        assertRule(() -> read(ids.get(0)), "purchasing.rule.not-found");

        UUID client = fixtures.client("Cliente " + UUID.randomUUID());
        List<UUID> before = fixtures.asBuyer(() -> orders.suppliersMatching("Proveedora", 50)).stream()
                .map(a -> a.id())
                .toList();
        assertThat(before).doesNotContain(client);
        assertRule(
                () -> fixtures.asBuyer(() -> orders.createDrafts(List.of(
                        DraftOrder.of(supplier, warehouse, null, List.of(OrderLine.article(bolts, dec("1"), dec("2")))),
                        DraftOrder.of(
                                client, warehouse, null, List.of(OrderLine.article(bolts, dec("1"), dec("2"))))))),
                "purchasing.rule.not-a-supplier");
    }

    @Test
    void an_account_without_the_supplier_role_is_refused() {
        UUID client = fixtures.client("Cliente " + UUID.randomUUID());
        assertThatThrownBy(() -> fixtures.asBuyer(() -> orders.create(
                        DraftOrder.of(client, warehouse, null, List.of(OrderLine.article(bolts, dec("1"), dec("2")))))))
                .isInstanceOfSatisfying(PurchasingRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("purchasing.rule.not-a-supplier");
                    assertThat(e.field()).isEqualTo("supplierId");
                    assertThat(e.arguments()).singleElement().asString().startsWith("Cliente ");
                });
        UUID draft = fixtures.asBuyer(() -> orders.create(
                DraftOrder.of(supplier, warehouse, null, List.of(OrderLine.article(bolts, dec("1"), dec("2"))))));
        DraftOrder toClient = new DraftOrder(
                draft,
                0L,
                client,
                warehouse,
                null,
                null,
                null,
                null,
                List.of(OrderLine.article(bolts, dec("1"), dec("2"))));
        assertRule(() -> fixtures.asBuyer(() -> orders.update(toClient)), "purchasing.rule.not-a-supplier");
        assertThat(read(draft).supplierId()).isEqualTo(supplier);
        assertThat(read(draft).version()).isZero();
    }

    @Test
    void above_the_threshold_an_order_waits_for_someone_allowed_to_approve_it() {
        threshold(new BigDecimal("100.00"));
        UUID small = draft("99.99");
        UUID big = draft("100.01");
        assertThat(fixtures.asBuyer(() -> orders.submit(small, 0))).isEqualTo(PurchaseStatus.APPROVED);
        assertThat(fixtures.asBuyer(() -> orders.submit(big, 0))).isEqualTo(PurchaseStatus.TO_APPROVE);
        assertThat(fixtures.asBuyer(() -> orders.page(big))).satisfies(page -> {
            assertThat(page.approvalNeeded()).isTrue();
            assertThat(page.steps()).containsExactly(OrderPage.Step.APPROVE, OrderPage.Step.CANCEL);
        });

        assertRule(() -> fixtures.asBuyer(() -> orders.send(big, 1)), "purchasing.rule.needs-approval");
        assertThatThrownBy(() -> fixtures.asBuyer(() -> orders.approve(big, 1)))
                .as("method security: the buyer's role has no purchasing.approve")
                .isInstanceOf(AccessDeniedException.class);
        PurchaseOrderService unguarded = AopTestUtils.getTargetObject(orders);
        assertRule(() -> fixtures.asBuyer(() -> unguarded.approve(big, 1)), "purchasing.rule.approve-not-allowed");
        PurchaseDocument waiting = read(big);
        assertThat(waiting.status()).isEqualTo(PurchaseStatus.TO_APPROVE);
        assertThat(waiting.approvedBy()).isNull();
        assertThat(waiting.number()).isNull();

        fixtures.asApprover(() -> orders.approve(big, 1));
        PurchaseDocument approved = read(big);
        assertThat(approved.status()).isEqualTo(PurchaseStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo(userId(fixtures.approver));
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(fixtures.asBuyer(() -> orders.send(big, 2))).startsWith("PO");
        assertThat(read(big).status()).isEqualTo(PurchaseStatus.SENT);
        assertRule(() -> fixtures.asApprover(() -> orders.approve(small, 1)), "purchasing.rule.step-not-allowed");
        threshold(null);
    }

    @Test
    void numbers_are_consecutive_per_series_and_year_and_a_refused_send_takes_none() {
        threshold(null);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID id = draft("10");
            fixtures.asBuyer(() -> orders.submit(id, 0));
            ids.add(id);
        }
        String first = fixtures.asBuyer(() -> orders.send(ids.get(0), 1));
        assertRule(() -> fixtures.asBuyer(() -> orders.send(ids.get(1), 0)), "purchasing.rule.changed-meanwhile");
        UUID draftOnly = draft("10");
        assertRule(() -> fixtures.asBuyer(() -> orders.send(draftOnly, 0)), "purchasing.rule.step-not-allowed");
        LocalDate lastYear = LocalDate.now().minusYears(1).withDayOfYear(1);
        UUID previousYear = fixtures.asBuyer(() -> orders.create(new DraftOrder(
                null,
                null,
                supplier,
                warehouse,
                lastYear,
                null,
                null,
                null,
                List.of(OrderLine.article(bolts, BigDecimal.ONE, dec("10"))))));
        fixtures.asBuyer(() -> orders.submit(previousYear, 0));
        String other = fixtures.asBuyer(() -> orders.send(previousYear, 1));
        assertThat(other).startsWith("PO" + lastYear.getYear() + "-");
        String second = fixtures.asBuyer(() -> orders.send(ids.get(1), 1));
        String third = fixtures.asBuyer(() -> orders.send(ids.get(2), 1));
        int year = LocalDate.now().getYear();
        assertThat(List.of(first, second, third)).allSatisfy(n -> assertThat(n).startsWith("PO" + year + "-"));
        long sequence = sequence(first);
        assertThat(sequence(second)).isEqualTo(sequence + 1);
        assertThat(sequence(third)).isEqualTo(sequence + 2);
    }

    @Test
    void a_stale_version_is_refused_and_changes_nothing() {
        threshold(null);
        UUID id = draft("10");
        PurchaseDocument read = read(id);
        DraftOrder mine = read.toDraftOrder().withLines(List.of(OrderLine.article(bolts, dec("2"), dec("10"))));
        DraftOrder theirs = read.toDraftOrder().withLines(List.of(OrderLine.article(nuts, dec("7"), dec("3"))));
        assertThat(fixtures.asBuyer(() -> orders.update(theirs))).isEqualTo(1);

        assertRule(() -> fixtures.asBuyer(() -> orders.update(mine)), "purchasing.rule.changed-meanwhile");
        assertRule(() -> fixtures.asBuyer(() -> orders.submit(id, 0)), "purchasing.rule.changed-meanwhile");
        assertRule(() -> fixtures.asBuyer(() -> orders.deleteDraft(id, 0)), "purchasing.rule.changed-meanwhile");
        assertRule(() -> fixtures.asBuyer(() -> orders.cancel(id, 0, "x")), "purchasing.rule.changed-meanwhile");
        PurchaseDocument after = read(id);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(after.lines()).singleElement().satisfies(line -> {
            assertThat(line.articleId()).isEqualTo(nuts);
            assertThat(line.quantity()).isEqualByComparingTo("7");
        });
    }

    @Test
    void the_settings_are_read_by_buyers_and_saved_at_their_version_by_administrators() {
        PurchaseSettings current = fixtures.asBuyer(() -> settings.settings());
        assertThatThrownBy(() -> fixtures.asBuyer(
                        () -> settings.save(new PurchaseSettings(BigDecimal.TEN, BigDecimal.ONE, current.version()))))
                .isInstanceOf(AccessDeniedException.class);
        PurchaseSettings saved = fixtures.as(
                PurchasingFixtures.ADMIN,
                () -> settings.save(
                        new PurchaseSettings(new BigDecimal("500"), new BigDecimal("2.5"), current.version())));
        assertThat(saved.version()).isEqualTo(current.version() + 1);
        assertThat(saved.approvalThreshold()).isEqualByComparingTo("500");
        assertThat(saved.priceTolerance()).isEqualByComparingTo("2.5");
        assertRule(
                () -> fixtures.as(
                        PurchasingFixtures.ADMIN,
                        () -> settings.save(new PurchaseSettings(null, BigDecimal.ZERO, current.version()))),
                "purchasing.rule.changed-meanwhile");
        assertRule(
                () -> fixtures.as(
                        PurchasingFixtures.ADMIN,
                        () -> settings.save(new PurchaseSettings(null, new BigDecimal("101"), saved.version()))),
                "purchasing.rule.tolerance-range");
        assertThat(fixtures.asBuyer(() -> settings.settings())).isEqualTo(saved);
        threshold(null);
    }

    @Test
    void a_sent_order_keeps_its_lines_only_their_progress_changes_and_only_the_rest_is_cancelled() {
        threshold(null);
        UUID id = draft("10");
        fixtures.asBuyer(() -> orders.submit(id, 0));
        fixtures.asBuyer(() -> orders.send(id, 1));

        assertThatThrownBy(() -> asStaff(
                        () -> jdbc.sql("UPDATE purchase_document_line SET quantity = 99 WHERE document_id = :id")
                                .param("id", id)
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot change");
        assertThatThrownBy(() -> asStaff(() -> jdbc.sql("DELETE FROM purchase_document_line WHERE document_id = :id")
                        .param("id", id)
                        .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot change");
        // Added lines are checked once per statement (R__purchasing_documents.sql), with the same refusal.
        assertThatThrownBy(() -> asStaff(() -> jdbc.sql(
                                "INSERT INTO purchase_document_line (id, document_id, position, description, quantity,"
                                        + " tax_code, vat_percent) VALUES (gen_random_uuid(), :id, 99, 'Added', 1,"
                                        + " 'IVA21', 21)")
                        .param("id", id)
                        .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot change");
        // What a receipt does (the receiving feature's): progress on the line, the order partly received.
        assertThat(asStaff(() -> jdbc.sql(
                                "UPDATE purchase_document_line SET received_quantity = 0.4, version = version + 1"
                                        + " WHERE document_id = :id")
                        .param("id", id)
                        .update()))
                .isEqualTo(1);
        asStaff(() -> jdbc.sql("UPDATE purchase_document SET status = 'PARTIALLY_RECEIVED', version = version + 1"
                        + " WHERE id = :id")
                .param("id", id)
                .update());

        OrderPage page = fixtures.asBuyer(() -> orders.page(id));
        assertThat(page.order().lines()).singleElement().satisfies(line -> {
            assertThat(line.receivedQuantity()).isEqualByComparingTo("0.4");
            assertThat(line.pendingQuantity()).isEqualByComparingTo("0.6");
        });
        assertThat(page.steps()).containsExactly(OrderPage.Step.CANCEL);
        fixtures.asBuyer(() -> orders.cancel(id, 3, "El resto no llega"));
        PurchaseDocument cancelled = read(id);
        assertThat(cancelled.status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(cancelled.lines().getFirst().receivedQuantity()).isEqualByComparingTo("0.4");

        UUID received = draft("10");
        fixtures.asBuyer(() -> orders.submit(received, 0));
        fixtures.asBuyer(() -> orders.send(received, 1));
        asStaff(() -> jdbc.sql("UPDATE purchase_document SET status = 'RECEIVED', version = version + 1 WHERE id = :id")
                .param("id", received)
                .update());
        assertRule(
                () -> fixtures.asBuyer(() -> orders.cancel(received, 3, "Tarde")), "purchasing.rule.step-not-allowed");
    }

    private <T> T asStaff(java.util.function.Supplier<T> work) {
        return TenantContext.callAsSystem(
                DEMO, null, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
    }

    private UUID draft(String unitPrice) {
        return fixtures.asBuyer(() -> orders.create(DraftOrder.of(
                supplier, warehouse, null, List.of(OrderLine.article(bolts, BigDecimal.ONE, dec(unitPrice))))));
    }

    private void threshold(BigDecimal threshold) {
        fixtures.as(PurchasingFixtures.ADMIN, () -> {
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(threshold, now.priceTolerance(), now.version()));
        });
    }

    private PurchaseDocument read(UUID id) {
        return fixtures.asBuyer(() -> orders.order(id));
    }

    private UUID userId(String email) {
        return ((NexoUser) users.loadUserByUsername(email)).userId();
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static void assertRule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
