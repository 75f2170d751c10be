package com.nexo.purchasing.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockValuation;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.PurchasingFixtures;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.bills.BillComparison;
import com.nexo.purchasing.bills.BillRequest;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.documents.AnswerLine;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.Rfq;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.prices.SupplierPrice;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.purchasing.receiving.PostedReceipt;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.purchasing.replenish.ReplenishFixture;
import com.nexo.purchasing.replenish.ReplenishmentOrders;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Purchasing from end to end through the services, as the application's role against the real
 * database, by two real users: a buyer whose role has every purchasing permission but approve, and
 * an approver with the predefined {@code purchasing} role. An RFQ to two suppliers becomes an order
 * that waits for approval, is sent, received in two parts (stock, weighted-average cost, what is on
 * order, the supplier's last price) and billed with a price difference; and replenishment orders
 * what is missing once, and again after the order is cancelled.
 */
@NexoSpringTest
class PurchasingFlowIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RfqService rfqs;

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private PurchaseSettingsService settings;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private SupplierBillService bills;

    @Autowired
    private SupplierPriceService prices;

    @Autowired
    private StockService stock;

    @Autowired
    private StockValuation valuation;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private ReplenishmentOrders replenishmentOrders;

    @Autowired
    private ReplenishmentService replenishment;

    private PurchasingFixtures fixtures;

    @BeforeEach
    void users() {
        fixtures = new PurchasingFixtures(context);
    }

    @Test
    void an_rfq_becomes_an_approved_sent_order_received_in_two_parts_and_billed_with_a_difference() {
        UUID north = fixtures.supplier("Flujo Norte " + UUID.randomUUID());
        UUID south = fixtures.supplier("Flujo Sur " + UUID.randomUUID());
        UUID warehouse = fixtures.warehouse();
        UUID bolts = fixtures.goods();
        UUID nuts = fixtures.goods();
        UUID dock = fixtures.as(PurchasingFixtures.ADMIN, () -> warehouses.addLocation(warehouse, "MUELLE", "Muelle"));
        // 4 bolts on hand at the article's cost of 7.25.
        fixtures.as(PurchasingFixtures.ADMIN, () -> stock.receive(StockEntry.of(bolts, warehouse, dec("4"), null)));
        LocalDate today = LocalDate.now();

        PurchaseSettings before = fixtures.asBuyer(() -> settings.settings());
        saveSettings(new BigDecimal("100.00"), new BigDecimal("2"));
        try {
            // RFQ to two suppliers, their answers, the cheaper one chosen.
            UUID rfqId = fixtures.asBuyer(() -> rfqs.create(DraftRfq.of(
                    warehouse,
                    today.plusDays(3),
                    List.of(OrderLine.article(bolts, dec("12"), null), OrderLine.article(nuts, dec("5"), null)),
                    List.of(north, south))));
            fixtures.asBuyer(() -> rfqs.send(rfqId, 0));
            Rfq rfq = fixtures.asBuyer(() -> rfqs.rfq(rfqId));
            UUID boltLine = rfq.document().lines().get(0).id();
            UUID nutLine = rfq.document().lines().get(1).id();
            fixtures.asBuyer(() -> rfqs.recordAnswer(
                    rfqId,
                    north,
                    "N-1",
                    today.plusDays(30),
                    List.of(
                            new AnswerLine(boltLine, dec("9.00"), null, dec("12"), today.plusDays(4)),
                            new AnswerLine(nutLine, dec("21.00"), null, dec("5"), today.plusDays(4)))));
            fixtures.asBuyer(() -> rfqs.recordAnswer(
                    rfqId,
                    south,
                    "S-1",
                    today.plusDays(30),
                    List.of(
                            new AnswerLine(boltLine, dec("8.50"), null, dec("12"), today.plusDays(5)),
                            new AnswerLine(nutLine, dec("19.50"), null, dec("5"), today.plusDays(6)))));
            assertThat(fixtures.asBuyer(() -> rfqs.compare(rfqId)).rows())
                    .extracting(row -> row.cheapestSupplierId())
                    .containsExactly(south, south);
            UUID orderId = fixtures.asBuyer(() -> rfqs.choose(rfqId, south));

            PurchaseDocument draft = order(orderId);
            assertThat(draft.status()).isEqualTo(PurchaseStatus.DRAFT);
            assertThat(draft.supplierId()).isEqualTo(south);
            // 12 × 8.50 + 5 × 19.50 = 199.50, 21 % VAT 41.90.
            assertThat(draft.baseAmount()).isEqualByComparingTo("199.50");
            assertThat(draft.totalAmount()).isEqualByComparingTo("241.40");
            UUID boltOrderLine = draft.lines().get(0).id();
            UUID nutOrderLine = draft.lines().get(1).id();

            // Above the threshold: it waits for someone allowed to approve it.
            assertThat(fixtures.asBuyer(() -> orders.submit(orderId, draft.version())))
                    .isEqualTo(PurchaseStatus.TO_APPROVE);
            long toApprove = order(orderId).version();
            assertRule(() -> fixtures.asBuyer(() -> orders.send(orderId, toApprove)), "purchasing.rule.needs-approval");
            assertThatThrownBy(() -> fixtures.asBuyer(() -> orders.approve(orderId, toApprove)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(order(orderId).number()).isNull();
            fixtures.asApprover(() -> orders.approve(orderId, toApprove));
            assertThat(order(orderId).status()).isEqualTo(PurchaseStatus.APPROVED);
            long approvedVersion = order(orderId).version();
            String number = fixtures.asBuyer(() -> orders.send(orderId, approvedVersion));
            assertThat(number).matches("PO" + today.getYear() + "-\\d{6}");
            assertThat(order(orderId).status()).isEqualTo(PurchaseStatus.SENT);

            // What was ordered is incoming.
            assertThat(balance(bolts, warehouse).incoming()).isEqualByComparingTo("12");
            assertThat(balance(nuts, warehouse).incoming()).isEqualByComparingTo("5");

            // First partial receipt: 4 bolts into the dock, 2 nuts.
            PostedReceipt first = fixtures.asApprover(() -> receipts.post(
                    orderId,
                    new ReceiptRequest(
                            warehouse,
                            null,
                            "ALB-1",
                            List.of(
                                    new ReceiptRequest.Line(boltOrderLine, dec("4"), dock),
                                    new ReceiptRequest.Line(nutOrderLine, dec("2"), null)))));
            assertThat(first.orderStatus()).isEqualTo(PurchaseStatus.PARTIALLY_RECEIVED);
            assertThat(order(orderId).status()).isEqualTo(PurchaseStatus.PARTIALLY_RECEIVED);
            assertThat(balance(bolts, warehouse).onHand()).isEqualByComparingTo("8");
            assertThat(balance(nuts, warehouse).onHand()).isEqualByComparingTo("2");
            assertThat(balance(bolts, warehouse).incoming()).isEqualByComparingTo("8");
            assertThat(balance(nuts, warehouse).incoming()).isEqualByComparingTo("3");
            // (4 × 7.25 + 4 × 8.50) / 8 = 7.875; nothing on hand before: the unit cost.
            assertThat(cost(bolts)).isEqualByComparingTo("7.875");
            assertThat(cost(nuts)).isEqualByComparingTo("19.50");
            assertThat(order(orderId).lines())
                    .extracting(PurchaseLine::receivedQuantity)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("4"), dec("2"));
            assertThat(fixtures.as(
                            PurchasingFixtures.ADMIN,
                            () -> stock.position(bolts, warehouse).onHand()))
                    .isEqualByComparingTo("8");

            // Second receipt: the rest.
            PostedReceipt second = fixtures.asApprover(() -> receipts.post(
                    orderId,
                    new ReceiptRequest(
                            warehouse,
                            null,
                            "ALB-2",
                            List.of(
                                    new ReceiptRequest.Line(boltOrderLine, dec("8"), dock),
                                    new ReceiptRequest.Line(nutOrderLine, dec("3"), null)))));
            assertThat(second.number()).isNotEqualTo(first.number());
            assertThat(second.orderStatus()).isEqualTo(PurchaseStatus.RECEIVED);
            assertThat(order(orderId).status()).isEqualTo(PurchaseStatus.RECEIVED);
            assertThat(balance(bolts, warehouse).onHand()).isEqualByComparingTo("16");
            assertThat(balance(nuts, warehouse).onHand()).isEqualByComparingTo("5");
            assertThat(balance(bolts, warehouse).incoming()).isEqualByComparingTo("0");
            assertThat(balance(nuts, warehouse).incoming()).isEqualByComparingTo("0");
            // (8 × 7.875 + 8 × 8.50) / 16 = 8.1875
            assertThat(cost(bolts)).isEqualByComparingTo("8.1875");
            assertThat(cost(nuts)).isEqualByComparingTo("19.50");
            assertThat(order(orderId).lines())
                    .extracting(PurchaseLine::receivedQuantity)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("12"), dec("5"));

            // The supplier's last price is what it was bought at.
            SupplierPrice last = fixtures.asBuyer(() -> prices.priceFor(south, bolts, BigDecimal.ONE))
                    .orElseThrow();
            assertThat(last.source()).isEqualTo(SupplierPrice.Source.LAST_PRICE);
            assertThat(last.unitPrice()).isEqualByComparingTo("8.50");
            assertThat(fixtures.asBuyer(() -> prices.priceFor(north, bolts, BigDecimal.ONE)))
                    .as("nothing bought from the other supplier")
                    .isEmpty();

            // The supplier bills the bolts at 9.00: 5.9 % above the order's 8.50, beyond 2 %.
            UUID bill = fixtures.asApprover(() -> bills.record(
                    orderId,
                    new BillRequest(
                            "FLUJO-" + UUID.randomUUID(),
                            today,
                            today.plusDays(30),
                            List.of(
                                    new BillRequest.Line(boltOrderLine, dec("12"), dec("9.00")),
                                    new BillRequest.Line(nutOrderLine, dec("5"), dec("19.50"))))));
            BillComparison comparison = fixtures.asApprover(() -> bills.match(bill));
            assertThat(comparison.result()).isEqualTo(com.nexo.purchasing.bills.ThreeWayMatch.Result.DIFFERENCES);
            assertThat(comparison.lines()).extracting(l -> l.match().matched()).containsExactly(false, true);
            assertRule(
                    () -> fixtures.asApprover(() -> bills.approve(bill, " ")),
                    "purchasing.bill.note-required-for-differences");
            assertThat(order(orderId).lines())
                    .extracting(PurchaseLine::billedQuantity)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(BigDecimal.ZERO, BigDecimal.ZERO);
            String billNumber =
                    fixtures.asApprover(() -> bills.approve(bill, "Subida de precio aceptada por teléfono"));
            assertThat(billNumber).matches("FP\\d{4}-\\d{6}");
            assertThat(order(orderId).lines())
                    .extracting(PurchaseLine::billedQuantity)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("12"), dec("5"));
        } finally {
            saveSettings(before.approvalThreshold(), before.priceTolerance());
        }
        PurchaseSettings after = fixtures.asBuyer(() -> settings.settings());
        assertThat(after.approvalThreshold()).isEqualTo(before.approvalThreshold());
    }

    @Test
    void replenishment_orders_what_is_missing_once_and_again_after_the_order_is_cancelled() {
        ReplenishFixture replenish = new ReplenishFixture(context);
        UUID warehouse = replenish.warehouse();
        UUID acme = replenish.supplier("Flujo Reposición");
        UUID screws = replenish.article(acme, "0.40", "21");
        replenish.receive(screws, warehouse, "3");
        replenish.levels(screws, warehouse, "5", "20");
        assertThat(proposed(warehouse)).singleElement().satisfies(row -> {
            assertThat(row.articleId()).isEqualTo(screws);
            assertThat(row.toOrder()).isEqualByComparingTo("17");
        });

        fixtures.asBuyer(() -> replenishmentOrders.createPurchaseOrders(warehouse, null));

        List<Map<String, Object>> lines = replenish.orderLines(acme);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.get("status")).isEqualTo("DRAFT");
            assertThat((BigDecimal) line.get("quantity")).isEqualByComparingTo("17");
        });
        UUID orderId = (UUID) lines.getFirst().get("order_id");
        assertThat(balance(screws, warehouse).incoming()).isEqualByComparingTo("17");
        assertThat(proposed(warehouse)).as("on order: no longer proposed").isEmpty();

        // Submitted and sent, it is still on order.
        long draftVersion = order(orderId).version();
        fixtures.asBuyer(() -> orders.submit(orderId, draftVersion));
        if (order(orderId).status() == PurchaseStatus.TO_APPROVE) {
            long waiting = order(orderId).version();
            fixtures.asApprover(() -> orders.approve(orderId, waiting));
        }
        long approved = order(orderId).version();
        fixtures.asBuyer(() -> orders.send(orderId, approved));
        assertThat(proposed(warehouse)).isEmpty();

        long sent = order(orderId).version();
        fixtures.asBuyer(() -> orders.cancel(orderId, sent, "El proveedor no sirve"));
        assertThat(order(orderId).status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(balance(screws, warehouse).incoming()).isEqualByComparingTo("0");
        assertThat(proposed(warehouse)).singleElement().satisfies(row -> {
            assertThat(row.articleId()).isEqualTo(screws);
            assertThat(row.toOrder()).isEqualByComparingTo("17");
        });
    }

    private List<ReplenishmentRow> proposed(UUID warehouse) {
        return fixtures.asBuyer(() -> replenishment.page(warehouse, null, 1000).rows());
    }

    private PurchaseDocument order(UUID id) {
        return fixtures.asBuyer(() -> orders.order(id));
    }

    private BalanceRow balance(UUID article, UUID warehouse) {
        return fixtures.asBuyer(() -> stock.balancesOfArticle(article).stream()
                .filter(row -> row.warehouseId().equals(warehouse))
                .findFirst()
                .orElseThrow());
    }

    private BigDecimal cost(UUID article) {
        return fixtures.as(
                PurchasingFixtures.ADMIN,
                () -> valuation.costHistory(article, 1).getFirst().newCost());
    }

    private void saveSettings(BigDecimal threshold, BigDecimal tolerance) {
        fixtures.as(PurchasingFixtures.ADMIN, () -> {
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(threshold, tolerance, now.version()));
        });
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static void assertRule(ThrowingCallable call, String key) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
