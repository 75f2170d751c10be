package com.nexo.purchasing.bills;

import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.PaymentTerms;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.bills.ThreeWayMatch.Issue;
import com.nexo.purchasing.bills.ThreeWayMatch.Result;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.security.NexoUser;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Supplier bills against a sent and partly received order, as the application's role against the
 * real database: a bill that matches and is approved and numbered, one with differences that only
 * a note lets through and only someone with purchasing.approve, a supplier's bill number recorded
 * once, a cancelled bill giving its billed quantities back, another tenant's order and bill unseen.
 */
@NexoSpringTest
class SupplierBillIntegrationTest {

    private static final String ADMIN = PurchaseOrderFixture.ADMIN;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SupplierBillService bills;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    private PurchaseOrderFixture fixture;
    private UUID supplier;
    private Order order;

    /** 10 bolts at 10.00 less 10 % (9.00 net) and 4 nuts at 5.00; 6 bolts and 4 nuts received. */
    @BeforeEach
    void aPartlyReceivedOrder() {
        fixture = new PurchaseOrderFixture(context);
        supplier = fixture.supplier("Proveedor de facturas " + UUID.randomUUID());
        UUID warehouse = fixture.warehouse();
        order = fixture.sent(supplier, line(fixture.goods(), "10", "10.00", "10"), line(fixture.goods(), "4", "5.00"));
        fixture.as(
                ADMIN,
                () -> receipts.post(
                        order.id(),
                        new ReceiptRequest(
                                warehouse,
                                null,
                                "ALB-7",
                                List.of(
                                        new ReceiptRequest.Line(order.line(1), new BigDecimal("6"), null),
                                        new ReceiptRequest.Line(order.line(2), new BigDecimal("4"), null)))));
    }

    @Test
    void a_bill_of_what_was_received_at_the_order_price_matches_and_is_approved_and_numbered() {
        UUID bill = record(
                "F-" + UUID.randomUUID(),
                new BillRequest.Line(order.line(1), new BigDecimal("6"), new BigDecimal("9.00")),
                new BillRequest.Line(order.line(2), new BigDecimal("4"), new BigDecimal("5")));

        Map<String, Object> draft = header(bill);
        assertThat(draft)
                .containsEntry("kind", "BILL")
                .containsEntry("status", "DRAFT")
                .containsEntry("match_status", "MATCHED")
                .containsEntry("order_id", order.id())
                .containsEntry("supplier_id", supplier);
        assertThat(draft.get("number")).isNull();
        assertThat((BigDecimal) draft.get("base_amount")).isEqualByComparingTo("74.00");
        assertThat((BigDecimal) draft.get("vat_amount")).isEqualByComparingTo("15.54");
        assertThat((BigDecimal) draft.get("total_amount")).isEqualByComparingTo("89.54");
        BillComparison comparison = fixture.as(ADMIN, () -> bills.match(bill));
        assertThat(comparison.result()).isEqualTo(Result.MATCHED);
        assertThat(comparison.lines()).hasSize(2).allMatch(l -> l.match().matched());
        assertThat(comparison.lines().getFirst().description()).startsWith("Artículo ");

        String number = fixture.as(ADMIN, () -> bills.approve(bill, null));

        assertThat(number).matches("FP\\d{4}-\\d{6}");
        Map<String, Object> approved = header(bill);
        NexoUser admin = (NexoUser) users.loadUserByUsername(ADMIN);
        assertThat(approved)
                .containsEntry("status", "APPROVED")
                .containsEntry("number", number)
                .containsEntry("approved_by", admin.userId());
        assertThat(approved.get("approved_at")).isNotNull();
        assertThat(billed()).containsExactly("6", "4");
        assertThat(fixture.as(ADMIN, () -> bills.match(bill)).result())
                .as("an approved bill does not count against itself")
                .isEqualTo(Result.MATCHED);

        UUID more = record(
                "F-" + UUID.randomUUID(), new BillRequest.Line(order.line(1), BigDecimal.ONE, new BigDecimal("9")));
        assertThat(fixture.as(ADMIN, () -> bills.match(more))
                        .lines()
                        .getFirst()
                        .match()
                        .issues())
                .as("all 6 received bolts are billed already")
                .containsExactly(Issue.BILLED_MORE_THAN_RECEIVED);
    }

    @Test
    void a_bill_with_differences_needs_a_note_and_the_approve_permission() {
        BigDecimal previousTolerance = tolerance(new BigDecimal("5"));
        try {
            UUID bill = record(
                    "F-" + UUID.randomUUID(),
                    new BillRequest.Line(order.line(1), new BigDecimal("8"), new BigDecimal("9.40")),
                    new BillRequest.Line(order.line(2), new BigDecimal("4"), new BigDecimal("5.50")),
                    new BillRequest.Line(null, "Portes", BigDecimal.ONE, new BigDecimal("12")));

            assertThat(header(bill)).containsEntry("match_status", "DIFFERENCES");
            BillComparison comparison = fixture.as(ADMIN, () -> bills.match(bill));
            assertThat(comparison.result()).isEqualTo(Result.DIFFERENCES);
            assertThat(comparison.tolerancePercent()).isEqualByComparingTo("5");
            assertThat(comparison.lines())
                    .extracting(l -> l.match().issues())
                    .containsExactly(
                            Set.of(Issue.BILLED_MORE_THAN_RECEIVED), // 9.40 is within 5 % of 9.00
                            Set.of(Issue.PRICE_DIFFERS), // 5.50 is 10 % above 5.00
                            Set.of(Issue.NOT_ON_ORDER));
            assertThat(comparison.lines().get(2).description()).isEqualTo("Portes");

            assertThatThrownBy(() -> fixture.as(ADMIN, () -> bills.approve(bill, "  ")))
                    .isInstanceOf(PurchasingRuleException.class)
                    .extracting(e -> ((PurchasingRuleException) e).messageKey())
                    .isEqualTo("purchasing.bill.note-required-for-differences");
            assertThatThrownBy(() -> fixture.asAdminWith(
                            Set.of(PurchasingPermissions.READ, PurchasingPermissions.BILL),
                            () -> bills.approve(bill, "Aceptado por el jefe de compras")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(header(bill)).containsEntry("status", "DRAFT");
            assertThat(header(bill).get("approved_by")).isNull();
            assertThat(billed()).containsExactly("0", "0");

            fixture.as(ADMIN, () -> bills.approve(bill, "Aceptado: faltan 2 tornillos por llegar"));
            assertThat(header(bill))
                    .containsEntry("status", "APPROVED")
                    .containsEntry("match_status", "DIFFERENCES")
                    .containsEntry("match_note", "Aceptado: faltan 2 tornillos por llegar");
            assertThat(billed()).containsExactly("8", "4");
        } finally {
            tolerance(previousTolerance == null ? BigDecimal.ZERO : previousTolerance);
        }
    }

    @Test
    void a_suppliers_bill_number_is_recorded_once_until_that_bill_is_cancelled() {
        String reference = "F-" + UUID.randomUUID();
        UUID first = record(reference, new BillRequest.Line(order.line(2), BigDecimal.ONE, new BigDecimal("5")));

        assertThatThrownBy(() ->
                        record(reference, new BillRequest.Line(order.line(2), BigDecimal.ONE, new BigDecimal("5"))))
                .isInstanceOf(PurchasingRuleException.class)
                .satisfies(e -> {
                    assertThat(((PurchasingRuleException) e).messageKey())
                            .isEqualTo("purchasing.bill.duplicate-reference");
                    assertThat(((PurchasingRuleException) e).field()).isEqualTo("supplierReference");
                    assertThat(((PurchasingRuleException) e).arguments()).contains(reference);
                });
        Order otherSuppliers = fixture.sent(
                fixture.supplier("Otro proveedor " + UUID.randomUUID()), line(fixture.goods(), "1", "1.00"));
        assertThat(fixture.as(
                        ADMIN,
                        () -> bills.record(
                                otherSuppliers.id(),
                                new BillRequest(
                                        reference,
                                        LocalDate.now(),
                                        null,
                                        List.of(new BillRequest.Line(
                                                otherSuppliers.line(1), BigDecimal.ONE, BigDecimal.ONE))))))
                .as("another supplier may use the same number")
                .isNotNull();

        fixture.as(ADMIN, () -> bills.approve(first, null));
        assertThat(billed()).containsExactly("0", "1");
        assertThatThrownBy(() -> fixture.as(ADMIN, () -> {
                    bills.cancel(first, " ");
                    return null;
                }))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.bill.cancel-reason-required");
        fixture.as(ADMIN, () -> {
            bills.cancel(first, "Factura duplicada por el proveedor");
            return null;
        });
        assertThat(header(first))
                .containsEntry("status", "CANCELLED")
                .containsEntry("cancel_reason", "Factura duplicada por el proveedor");
        assertThat(billed())
                .as("the cancelled bill's quantity is billable again")
                .containsExactly("0", "0");
        assertThat(record(reference, new BillRequest.Line(order.line(2), BigDecimal.ONE, new BigDecimal("5"))))
                .isNotEqualTo(first);
    }

    @Test
    void another_tenants_order_and_bill_are_not_found() {
        UUID bill =
                record("F-" + UUID.randomUUID(), new BillRequest.Line(order.line(2), BigDecimal.ONE, BigDecimal.ONE));
        String northwind = PurchaseOrderFixture.NORTHWIND_ADMIN;

        assertThatThrownBy(() -> fixture.as(
                        northwind,
                        () -> bills.record(
                                order.id(),
                                new BillRequest(
                                        "F-NW",
                                        LocalDate.now(),
                                        null,
                                        List.of(new BillRequest.Line(order.line(2), BigDecimal.ONE, BigDecimal.ONE))))))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.bill.order-not-found");
        assertThatThrownBy(() -> fixture.as(northwind, () -> bills.match(bill)))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.bill.not-found");
        assertThatThrownBy(() -> fixture.as(northwind, () -> bills.approve(bill, "x")))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.bill.not-found");
        assertThat(header(bill)).containsEntry("status", "DRAFT");
        assertThat(PurchaseStatus.valueOf((String) header(bill).get("status"))).isEqualTo(PurchaseStatus.DRAFT);
    }

    private UUID record(String reference, BillRequest.Line... lines) {
        return fixture.as(
                ADMIN,
                () -> bills.record(
                        order.id(),
                        new BillRequest(
                                reference,
                                LocalDate.now().minusDays(1),
                                LocalDate.now().plusDays(30),
                                List.of(lines))));
    }

    @Test
    void a_charge_not_on_the_order_is_billed_at_its_own_vat_rate_and_flagged_not_on_the_order() {
        LocalDate billDate = LocalDate.now().minusDays(2);
        UUID bill = fixture.as(
                ADMIN,
                () -> bills.record(
                        order.id(),
                        new BillRequest(
                                "F-" + UUID.randomUUID(),
                                billDate,
                                null,
                                List.of(
                                        new BillRequest.Line(order.line(2), new BigDecimal("4"), new BigDecimal("5")),
                                        BillRequest.Line.charge(
                                                "Portes", new BigDecimal("10.00"), new BigDecimal("10"))))));

        Map<String, Object> header = header(bill);
        assertThat(header).containsEntry("match_status", "DIFFERENCES");
        assertThat((BigDecimal) header.get("base_amount")).isEqualByComparingTo("30.00");
        assertThat((BigDecimal) header.get("vat_amount"))
                .as("20.00 at 21 % and the freight's 10.00 at 10 %")
                .isEqualByComparingTo("5.20");
        Map<String, Object> charge =
                fixture.asSystem(() -> jdbc.sql("""
                        SELECT description, quantity, unit_price, tax_code, vat_percent, source_line_id
                          FROM purchase_document_line WHERE document_id = :id AND position = 2""").param("id", bill).query().singleRow());
        assertThat(charge).containsEntry("description", "Portes").containsEntry("tax_code", "IVA10");
        assertThat(charge.get("source_line_id")).isNull();
        assertThat((BigDecimal) charge.get("vat_percent")).isEqualByComparingTo("10");
        BillComparison comparison = fixture.as(ADMIN, () -> bills.match(bill));
        assertThat(comparison.lines().get(0).match().matched()).isTrue();
        assertThat(comparison.lines().get(1).match().issues()).containsExactly(Issue.NOT_ON_ORDER);
        assertThat(comparison.dueDate())
                .as("no due date given and the supplier has no payment terms: 30 days after the bill's date")
                .isEqualTo(billDate.plusDays(30));

        assertThatThrownBy(() -> fixture.as(
                        ADMIN,
                        () -> bills.record(
                                order.id(),
                                new BillRequest(
                                        "F-" + UUID.randomUUID(),
                                        billDate,
                                        null,
                                        List.of(BillRequest.Line.charge(
                                                "Tasa", BigDecimal.ONE, new BigDecimal("7")))))))
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.bill.vat-invalid"));
    }

    @Test
    void the_due_date_is_proposed_from_the_suppliers_payment_terms_and_never_before_the_bill_date() {
        AccountForm form = new AccountForm();
        form.setLegalName("Proveedor a 60 días " + UUID.randomUUID());
        form.setRoles(EnumSet.of(AccountRole.SUPPLIER));
        form.setPaymentTerms(PaymentTerms.NET_60);
        AccountService accounts = context.getBean(AccountService.class);
        UUID sixtyDays = fixture.as(ADMIN, () -> accounts.create(form));
        Order other = fixture.sent(sixtyDays, line(fixture.goods(), "2", "3.00"));
        LocalDate billDate = LocalDate.of(2026, 11, 20);

        assertThat(fixture.as(ADMIN, () -> bills.proposedDueDate(other.id(), billDate)))
                .isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(fixture.as(ADMIN, () -> bills.proposedDueDate(order.id(), billDate)))
                .as("a supplier without payment terms: 30 days")
                .isEqualTo(LocalDate.of(2026, 12, 20));

        UUID bill = fixture.as(
                ADMIN,
                () -> bills.record(
                        other.id(),
                        new BillRequest(
                                "F-" + UUID.randomUUID(),
                                billDate,
                                null,
                                List.of(new BillRequest.Line(other.line(1), BigDecimal.ONE, new BigDecimal("3"))))));
        assertThat(fixture.as(ADMIN, () -> bills.match(bill)).dueDate()).isEqualTo(LocalDate.of(2027, 1, 19));

        assertThatThrownBy(() -> fixture.as(
                        ADMIN,
                        () -> bills.record(
                                other.id(),
                                new BillRequest(
                                        "F-" + UUID.randomUUID(),
                                        billDate,
                                        billDate.minusDays(1),
                                        List.of(new BillRequest.Line(
                                                other.line(1), BigDecimal.ONE, new BigDecimal("3")))))))
                .isInstanceOfSatisfying(PurchasingRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("purchasing.bill.due-before-bill-date");
                    assertThat(e.field()).isEqualTo("dueDate");
                });
        UUID sameDay = fixture.as(
                ADMIN,
                () -> bills.record(
                        other.id(),
                        new BillRequest(
                                "F-" + UUID.randomUUID(),
                                billDate,
                                billDate,
                                List.of(new BillRequest.Line(other.line(1), BigDecimal.ONE, new BigDecimal("3"))))));
        assertThat(fixture.as(ADMIN, () -> bills.match(sameDay)).dueDate())
                .as("due on the bill's own date: paid at once")
                .isEqualTo(billDate);
    }

    private Map<String, Object> header(UUID id) {
        return fixture.asSystem(() -> jdbc.sql("""
                        SELECT kind, status, number, order_id, supplier_id, match_status, match_note, base_amount,
                               vat_amount, total_amount, approved_by, approved_at, cancel_reason
                          FROM purchase_document WHERE id = :id""").param("id", id).query().singleRow());
    }

    private List<String> billed() {
        return fixture.asSystem(() -> jdbc
                .sql("SELECT billed_quantity FROM purchase_document_line WHERE document_id = :id ORDER BY position")
                .param("id", order.id())
                .query(BigDecimal.class)
                .list()
                .stream()
                .map(q -> q.stripTrailingZeros().toPlainString())
                .toList());
    }

    /** Sets the demo tenant's price tolerance and returns the one it had (null: no settings row, which means 0). */
    private BigDecimal tolerance(BigDecimal percent) {
        return fixture.asSystem(() -> {
            BigDecimal previous = jdbc.sql("SELECT price_tolerance FROM purchase_settings")
                    .query(BigDecimal.class)
                    .optional()
                    .orElse(null);
            jdbc.sql("""
                            INSERT INTO purchase_settings (price_tolerance) VALUES (:tolerance)
                            ON CONFLICT (tenant_id) DO UPDATE SET price_tolerance = excluded.price_tolerance""").param("tolerance", percent).update();
            return previous;
        });
    }
}
