package com.nexo.purchasing.documents;

import static com.nexo.purchasing.documents.PurchaseOrderFlowTest.assertRule;
import static com.nexo.purchasing.documents.PurchaseOrderFlowTest.dec;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.history.ChangeEntry;
import com.nexo.purchasing.PurchasingFixtures;
import com.nexo.purchasing.pages.PurchasePageExtras;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Requests for quotation as a real buyer runs them, against the real database as the application's
 * role: an RFQ to two suppliers, their answers, the side-by-side comparison with the cheapest of each
 * line, and the chosen answer becoming a draft order at that supplier's prices and quantities.
 */
@NexoSpringTest
class RfqFlowTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RfqService rfqs;

    @Autowired
    private PurchaseOrderService orders;

    private PurchasingFixtures fixtures;
    private UUID north;
    private UUID south;
    private UUID warehouse;
    private UUID bolts;
    private UUID nuts;

    @BeforeEach
    void twoSuppliersTwoArticlesAndAWarehouse() {
        fixtures = new PurchasingFixtures(context);
        north = fixtures.supplier("Suministros Norte " + UUID.randomUUID());
        south = fixtures.supplier("Suministros Sur " + UUID.randomUUID());
        warehouse = fixtures.warehouse();
        bolts = fixtures.goods();
        nuts = fixtures.goods();
    }

    @Test
    void two_suppliers_answer_the_cheapest_are_flagged_and_the_chosen_answer_becomes_an_order() {
        LocalDate today = LocalDate.now();
        UUID rfqId = fixtures.asBuyer(() -> rfqs.create(DraftRfq.of(
                warehouse,
                today.plusDays(3),
                List.of(OrderLine.article(bolts, dec("10"), BigDecimal.ZERO), OrderLine.article(nuts, dec("5"), null)),
                List.of(north, south, north))));
        Rfq draft = fixtures.asBuyer(() -> rfqs.rfq(rfqId));
        assertThat(draft.document().kind()).isEqualTo(PurchaseKind.RFQ);
        assertThat(draft.document().status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(draft.document().supplierId()).isNull();
        assertThat(draft.suppliers()).extracting(RfqSupplier::supplierId).containsExactly(north, south);
        assertThat(draft.suppliers()).extracting(RfqSupplier::status).containsOnly("INVITED");
        UUID boltLine = draft.document().lines().get(0).id();
        UUID nutLine = draft.document().lines().get(1).id();

        assertRule(
                () -> fixtures.asBuyer(
                        () -> rfqs.recordAnswer(rfqId, north, "Q-1", null, List.of(answer(boltLine, "9", "10")))),
                "purchasing.rule.step-not-allowed");

        String number = fixtures.asBuyer(() -> rfqs.send(rfqId, 0));
        assertThat(number).matches("RFQ" + today.getYear() + "-\\d{6}");
        Rfq sent = fixtures.asBuyer(() -> rfqs.rfq(rfqId));
        assertThat(sent.document().status()).isEqualTo(PurchaseStatus.SENT);
        assertThat(sent.document().sentAt()).isNotNull();
        assertThat(sent.suppliers()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo("SENT");
            assertThat(s.sentAt()).isNotNull();
        });

        UUID stranger = fixtures.supplier("Otra proveedora " + UUID.randomUUID());
        assertRule(
                () -> fixtures.asBuyer(
                        () -> rfqs.recordAnswer(rfqId, stranger, null, null, List.of(answer(boltLine, "1", "10")))),
                "purchasing.rule.rfq-supplier-not-invited");
        assertRule(
                () -> fixtures.asBuyer(() ->
                        rfqs.recordAnswer(rfqId, north, null, null, List.of(answer(UUID.randomUUID(), "1", "10")))),
                "purchasing.rule.answer-unknown-line");
        assertRule(() -> fixtures.asBuyer(() -> rfqs.choose(rfqId, north)), "purchasing.rule.rfq-not-answered");

        fixtures.asBuyer(() -> rfqs.recordAnswer(
                rfqId,
                north,
                "NORTE-77",
                today.plusDays(30),
                List.of(
                        new AnswerLine(boltLine, dec("9.00"), null, dec("10"), today.plusDays(10)),
                        new AnswerLine(nutLine, dec("20.00"), dec("10"), dec("5"), today.plusDays(12)))));
        fixtures.asBuyer(() -> rfqs.recordAnswer(
                rfqId,
                south,
                "SUR-5",
                today.plusDays(15),
                List.of(
                        new AnswerLine(boltLine, dec("8.50"), null, dec("12"), today.plusDays(5)),
                        new AnswerLine(nutLine, dec("19.50"), BigDecimal.ZERO, dec("5"), today.plusDays(6)))));

        RfqComparison table = fixtures.asBuyer(() -> rfqs.compare(rfqId));
        assertThat(table.rows()).hasSize(2);
        RfqComparison.Row boltRow = table.rows().get(0);
        assertThat(boltRow.line().id()).isEqualTo(boltLine);
        assertThat(boltRow.cheapestSupplierId()).as("8.50 against 9.00").isEqualTo(south);
        assertThat(boltRow.offers().get(south).cheapest()).isTrue();
        assertThat(boltRow.offers().get(north).cheapest()).isFalse();
        assertThat(boltRow.offers().get(south).net()).isEqualByComparingTo("102.00");
        assertThat(boltRow.offers().get(south).quantity()).isEqualByComparingTo("12");
        assertThat(boltRow.offers().get(south).deliveryDate()).isEqualTo(today.plusDays(5));
        assertThat(boltRow.offers().get(north).net()).isEqualByComparingTo("90.00");
        RfqComparison.Row nutRow = table.rows().get(1);
        assertThat(nutRow.cheapestSupplierId())
                .as("20.00 − 10 % = 18.00 against 19.50")
                .isEqualTo(north);
        assertThat(nutRow.offers().get(north).net()).isEqualByComparingTo("90.00");
        assertThat(nutRow.offers().get(south).net()).isEqualByComparingTo("97.50");
        assertThat(table.totals().get(north).net()).isEqualByComparingTo("180.00");
        assertThat(table.totals().get(south).net()).isEqualByComparingTo("199.50");
        assertThat(table.totals().get(south).answeredAll()).isTrue();

        UUID orderId = fixtures.asBuyer(() -> rfqs.choose(rfqId, south));

        PurchaseDocument order = fixtures.asBuyer(() -> orders.order(orderId));
        assertThat(order.status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(order.supplierId()).isEqualTo(south);
        assertThat(order.rfqId()).isEqualTo(rfqId);
        assertThat(order.warehouseId()).isEqualTo(warehouse);
        assertThat(order.supplierReference()).isEqualTo("SUR-5");
        assertThat(order.expectedDate())
                .as("the latest delivery date of the answer")
                .isEqualTo(today.plusDays(6));
        assertThat(order.lines()).extracting(PurchaseLine::sourceLineId).containsExactly(boltLine, nutLine);
        assertThat(order.lines()).extracting(PurchaseLine::articleId).containsExactly(bolts, nuts);
        assertThat(order.lines())
                .extracting(PurchaseLine::unitPrice)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("8.50"), dec("19.50"));
        assertThat(order.lines())
                .extracting(PurchaseLine::quantity)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(dec("12"), dec("5"));
        assertThat(order.baseAmount()).isEqualByComparingTo("199.50");
        assertThat(order.totalAmount()).isEqualByComparingTo("241.40");

        OrderPage page = fixtures.asBuyer(() -> orders.page(orderId));
        assertThat(page.related()).singleElement().satisfies(related -> {
            assertThat(related.id()).isEqualTo(rfqId);
            assertThat(related.kind()).isEqualTo(PurchaseKind.RFQ);
            assertThat(related.status()).isEqualTo(PurchaseStatus.CLOSED);
            assertThat(related.number()).isEqualTo(number);
        });

        Rfq closed = fixtures.asBuyer(() -> rfqs.rfq(rfqId));
        assertThat(closed.document().status()).isEqualTo(PurchaseStatus.CLOSED);
        assertThat(closed.suppliers())
                .filteredOn(s -> s.supplierId().equals(south))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo("CHOSEN");
                    assertThat(s.orderId()).isEqualTo(orderId);
                    assertThat(s.supplierReference()).isEqualTo("SUR-5");
                });
        assertThat(closed.suppliers())
                .filteredOn(s -> s.supplierId().equals(north))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo("ANSWERED");
                    assertThat(s.orderId()).isNull();
                });
        assertRule(() -> fixtures.asBuyer(() -> rfqs.choose(rfqId, north)), "purchasing.rule.step-not-allowed");
        assertRule(
                () -> fixtures.asBuyer(
                        () -> rfqs.recordAnswer(rfqId, north, null, null, List.of(answer(boltLine, "1", "1")))),
                "purchasing.rule.step-not-allowed");

        assertThat(fixtures.asBuyer(() -> orders.submit(orderId, 0)))
                .isIn(PurchaseStatus.APPROVED, PurchaseStatus.TO_APPROVE);
    }

    @Test
    void an_account_without_the_supplier_role_cannot_be_asked_for_a_quotation() {
        UUID client = fixtures.client("Cliente " + UUID.randomUUID());
        assertRule(
                () -> fixtures.asBuyer(() -> rfqs.create(DraftRfq.of(
                        warehouse, null, List.of(OrderLine.article(bolts, dec("1"), null)), List.of(north, client)))),
                "purchasing.rule.not-a-supplier");
        UUID rfqId = fixtures.asBuyer(() -> rfqs.create(
                DraftRfq.of(warehouse, null, List.of(OrderLine.article(bolts, dec("1"), null)), List.of(north))));
        DraftRfq withClient = new DraftRfq(
                rfqId,
                0L,
                null,
                null,
                warehouse,
                null,
                List.of(OrderLine.article(bolts, dec("1"), null)),
                List.of(client));
        assertRule(() -> fixtures.asBuyer(() -> rfqs.update(withClient)), "purchasing.rule.not-a-supplier");
        assertThat(fixtures.asBuyer(() -> rfqs.rfq(rfqId)).suppliers())
                .extracting(RfqSupplier::supplierId)
                .containsExactly(north);
    }

    @Test
    void rfq_numbers_are_their_own_series_and_an_rfq_is_changed_or_cancelled_at_its_version() {
        UUID first = rfq();
        UUID second = rfq();
        long changed = fixtures.asBuyer(() -> rfqs.update(new DraftRfq(
                second,
                0L,
                null,
                null,
                warehouse,
                "Urgente",
                List.of(OrderLine.article(nuts, dec("3"), null)),
                List.of(south))));
        assertThat(changed).isEqualTo(1);
        assertRule(() -> fixtures.asBuyer(() -> rfqs.send(second, 0)), "purchasing.rule.changed-meanwhile");
        String a = fixtures.asBuyer(() -> rfqs.send(first, 0));
        String b = fixtures.asBuyer(() -> rfqs.send(second, 1));
        assertThat(sequence(b)).isEqualTo(sequence(a) + 1);
        assertThat(fixtures.asBuyer(() -> rfqs.rfq(second)).suppliers())
                .extracting(RfqSupplier::supplierId)
                .containsExactly(south);

        assertRule(
                () -> fixtures.asBuyer(() -> rfqs.cancel(first, 0, "Ya no hace falta")),
                "purchasing.rule.changed-meanwhile");
        fixtures.asBuyer(() -> rfqs.cancel(first, 1, "Ya no hace falta"));
        Rfq cancelled = fixtures.asBuyer(() -> rfqs.rfq(first));
        assertThat(cancelled.document().status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(cancelled.document().cancelReason()).isEqualTo("Ya no hace falta");
        assertRule(() -> fixtures.asBuyer(() -> rfqs.choose(first, north)), "purchasing.rule.step-not-allowed");

        UUID third = rfq();
        fixtures.asBuyer(() -> rfqs.deleteDraft(third, 0));
        assertRule(() -> fixtures.asBuyer(() -> rfqs.rfq(third)), "purchasing.rule.not-found");
    }

    private UUID rfq() {
        return fixtures.asBuyer(() -> rfqs.create(DraftRfq.of(
                warehouse, null, List.of(OrderLine.article(bolts, dec("2"), null)), List.of(north, south))));
    }

    @Test
    void a_supplier_declines_an_expired_answer_cannot_be_chosen_and_the_rfq_knows_when_all_replied() {
        LocalDate today = LocalDate.now();
        UUID rfqId = fixtures.asBuyer(() -> rfqs.create(DraftRfq.of(
                warehouse,
                today.plusDays(3),
                List.of(OrderLine.article(bolts, dec("10"), BigDecimal.ZERO)),
                List.of(north, south))));
        UUID line = fixtures.asBuyer(() -> rfqs.rfq(rfqId))
                .document()
                .lines()
                .getFirst()
                .id();
        assertRule(
                () -> fixtures.asBuyer(() -> rfqs.decline(rfqId, north, "Sin existencias")),
                "purchasing.rule.step-not-allowed");
        fixtures.asBuyer(() -> rfqs.send(rfqId, 0));

        // South is cheaper, but its answer was valid until yesterday.
        fixtures.asBuyer(() -> rfqs.recordAnswer(
                rfqId,
                south,
                "SUR-OLD",
                today.minusDays(1),
                List.of(new AnswerLine(line, dec("8"), null, dec("10"), null))));
        fixtures.asBuyer(() -> rfqs.recordAnswer(
                rfqId,
                north,
                "N-1",
                today.plusDays(20),
                List.of(new AnswerLine(line, dec("9"), null, dec("10"), null))));
        RfqComparison table = fixtures.asBuyer(() -> rfqs.compare(rfqId));
        RfqSupplier southAnswer = table.suppliers().stream()
                .filter(s -> s.supplierId().equals(south))
                .findFirst()
                .orElseThrow();
        assertThat(table.expired(southAnswer)).isTrue();
        assertThat(table.rows().getFirst().offers()).containsKeys(north, south);
        assertThat(table.rows().getFirst().cheapestSupplierId())
                .as("an expired answer is not the cheapest")
                .isEqualTo(north);
        assertThat(table.allReplied()).isTrue();
        assertRule(() -> fixtures.asBuyer(() -> rfqs.choose(rfqId, south)), "purchasing.rule.rfq-answer-expired");

        fixtures.asBuyer(() -> rfqs.decline(rfqId, north, "  Sin existencias hasta marzo "));
        RfqSupplier declined = fixtures.asBuyer(() -> rfqs.rfq(rfqId)).suppliers().stream()
                .filter(s -> s.supplierId().equals(north))
                .findFirst()
                .orElseThrow();
        assertThat(declined.status()).isEqualTo("DECLINED");
        assertThat(declined.declined()).isTrue();
        assertThat(declined.declineReason()).isEqualTo("Sin existencias hasta marzo");
        assertThat(declined.answeredAt()).isNotNull();
        RfqComparison afterDecline = fixtures.asBuyer(() -> rfqs.compare(rfqId));
        assertThat(afterDecline.rows().getFirst().offers())
                .as("a declined supplier's answer no longer stands")
                .doesNotContainKey(north);
        assertThat(afterDecline.rows().getFirst().cheapestSupplierId()).isNull();
        assertThat(afterDecline.allReplied()).isTrue();
        assertRule(() -> fixtures.asBuyer(() -> rfqs.choose(rfqId, north)), "purchasing.rule.rfq-declined");
        assertRule(
                () -> fixtures.asBuyer(() -> rfqs.decline(rfqId, north, null)), "purchasing.rule.rfq-supplier-closed");

        PurchasePageExtras extras = context.getBean(PurchasePageExtras.class);
        List<ChangeEntry> history =
                fixtures.asBuyer(() -> extras.of(rfqId, null).history());
        assertThat(history).as("the decline is on the RFQ's timeline").anySatisfy(entry -> {
            assertThat(entry.table()).isEqualTo("purchase_rfq_supplier");
            assertThat(entry.changes())
                    .anySatisfy(change -> {
                        assertThat(change.column()).isEqualTo("status");
                        assertThat(change.after()).contains("DECLINED"); // as JSON: quoted
                    })
                    .anySatisfy(change -> assertThat(change.after()).contains("Sin existencias hasta marzo"));
        });

        // North changes its mind: its quotation replaces the decline and can be chosen.
        fixtures.asBuyer(() -> rfqs.recordAnswer(
                rfqId, north, "N-2", null, List.of(new AnswerLine(line, dec("9.5"), null, dec("10"), null))));
        RfqSupplier answered = fixtures.asBuyer(() -> rfqs.rfq(rfqId)).suppliers().stream()
                .filter(s -> s.supplierId().equals(north))
                .findFirst()
                .orElseThrow();
        assertThat(answered.status()).isEqualTo("ANSWERED");
        assertThat(answered.declineReason()).isNull();
        UUID orderId = fixtures.asBuyer(() -> rfqs.choose(rfqId, north));
        assertThat(fixtures.asBuyer(() -> orders.order(orderId)).supplierId()).isEqualTo(north);
    }

    @Test
    void until_every_supplier_replies_the_rfq_is_not_all_replied() {
        UUID rfqId = fixtures.asBuyer(() -> rfqs.create(DraftRfq.of(
                warehouse, null, List.of(OrderLine.article(bolts, dec("1"), BigDecimal.ZERO)), List.of(north, south))));
        fixtures.asBuyer(() -> rfqs.send(rfqId, 0));
        fixtures.asBuyer(() -> rfqs.decline(rfqId, south, null));
        RfqComparison table = fixtures.asBuyer(() -> rfqs.compare(rfqId));
        assertThat(table.allReplied()).as("north is still waited for").isFalse();
        assertThat(table.suppliers())
                .filteredOn(s -> s.supplierId().equals(south))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.declined()).isTrue();
                    assertThat(s.declineReason()).isNull();
                });
        fixtures.asBuyer(() -> rfqs.decline(rfqId, north, ""));
        assertThat(fixtures.asBuyer(() -> rfqs.compare(rfqId)).allReplied()).isTrue();
    }

    private static AnswerLine answer(UUID line, String price, String quantity) {
        return new AnswerLine(line, dec(price), BigDecimal.ZERO, dec(quantity), null);
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.indexOf('-') + 1));
    }
}
