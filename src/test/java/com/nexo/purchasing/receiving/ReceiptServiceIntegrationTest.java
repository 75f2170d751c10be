package com.nexo.purchasing.receiving;

import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.stock.CostChange;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockValuation;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Receipts against sent purchase orders, as the application's role against the real database:
 * partial receipts that move on hand and the article's weighted-average cost through the articles
 * module, the order's received quantities and state; refusals that change nothing; posted receipts
 * the database keeps from changing (the 50-line receipt's time is measured by {@link
 * PurchaseReceiptBenchmark}).
 */
@NexoSpringTest
class ReceiptServiceIntegrationTest {

    private static final String ADMIN = PurchaseOrderFixture.ADMIN;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private StockService stock;

    @Autowired
    private StockValuation valuation;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private JdbcClient jdbc;

    private PurchaseOrderFixture fixture;
    private UUID supplier;
    private UUID warehouse;

    @BeforeEach
    void aSupplierAndAWarehouse() {
        fixture = new PurchaseOrderFixture(context);
        supplier = fixture.supplier("Proveedor de recepciones " + UUID.randomUUID());
        warehouse = fixture.warehouse();
    }

    @Test
    void two_partial_receipts_move_on_hand_cost_received_quantities_and_the_order_state() {
        UUID bolts = fixture.goods();
        UUID nuts = fixture.goods();
        UUID fitting = fixture.service();
        // 4 bolts already on hand at the article's cost of 7.25.
        fixture.as(ADMIN, () -> stock.receive(StockEntry.of(bolts, warehouse, new BigDecimal("4"), null)));
        UUID dock = fixture.as(ADMIN, () -> warehouses.addLocation(warehouse, "MUELLE", "Muelle 1"));
        Order order = fixture.sent(
                supplier, line(bolts, "10", "10.00", "10"), line(nuts, "4", "5.00"), line(fitting, "1", "50.00"));

        PostedReceipt first = post(
                order.id(),
                new ReceiptRequest.Line(order.line(1), new BigDecimal("6"), dock),
                new ReceiptRequest.Line(order.line(3), BigDecimal.ONE, null));

        assertThat(first.number()).matches("RC\\d{4}-\\d{6}");
        assertThat(first.orderStatus()).isEqualTo(PurchaseStatus.PARTIALLY_RECEIVED);
        assertThat(onHand(bolts)).isEqualByComparingTo("10");
        assertThat(onHand(nuts)).isEqualByComparingTo("0");
        // (4 × 7.25 + 6 × 9.00) / 10: the order's price after its 10 % discount.
        CostChange afterFirst = latestCost(bolts);
        assertThat(afterFirst.newCost()).isEqualByComparingTo("8.3");
        assertThat(afterFirst.unitCost()).isEqualByComparingTo("9");
        assertThat(afterFirst.sourceType()).isEqualTo(ReceiptService.SOURCE_TYPE);
        assertThat(afterFirst.sourceRef()).isEqualTo(first.number());
        assertThat(openLines(order.id()))
                .extracting(
                        l -> l.received().stripTrailingZeros().toPlainString(),
                        l -> l.open().stripTrailingZeros().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("6", "4"),
                        org.assertj.core.groups.Tuple.tuple("0", "4"),
                        org.assertj.core.groups.Tuple.tuple("1", "0"));

        Map<String, Object> header = fixture.asSystem(
                () -> jdbc.sql("""
                        SELECT kind, status, order_id, supplier_id, warehouse_id, supplier_reference, base_amount
                          FROM purchase_document WHERE id = :id""").param("id", first.receiptId()).query().singleRow());
        assertThat(header)
                .containsEntry("kind", "RECEIPT")
                .containsEntry("status", "POSTED")
                .containsEntry("order_id", order.id())
                .containsEntry("supplier_id", supplier)
                .containsEntry("warehouse_id", warehouse)
                .containsEntry("supplier_reference", "ALB-1");
        assertThat((BigDecimal) header.get("base_amount")).isEqualByComparingTo("104.00");
        List<Map<String, Object>> receiptLines = fixture.asSystem(
                () -> jdbc.sql("""
                        SELECT l.source_line_id, l.location_id, l.movement_id, m.source_type, m.source_ref
                          FROM purchase_document_line l
                          LEFT JOIN stock_movement m ON m.id = l.movement_id
                         WHERE l.document_id = :id ORDER BY l.position""").param("id", first.receiptId()).query().listOfRows());
        assertThat(receiptLines).hasSize(2);
        assertThat(receiptLines.get(0))
                .containsEntry("source_line_id", order.line(1))
                .containsEntry("location_id", dock)
                .containsEntry("movement_id", afterFirst.movementId())
                .containsEntry("source_type", "purchase_receipt")
                .containsEntry("source_ref", first.number());
        assertThat(receiptLines.get(1).get("movement_id"))
                .as("a service moves no stock")
                .isNull();

        PostedReceipt second = post(
                order.id(),
                new ReceiptRequest.Line(order.line(1), new BigDecimal("4"), null),
                new ReceiptRequest.Line(order.line(2), new BigDecimal("4"), null));

        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(second.orderStatus()).isEqualTo(PurchaseStatus.RECEIVED);
        assertThat(orderStatus(order.id())).isEqualTo("RECEIVED");
        assertThat(onHand(bolts)).isEqualByComparingTo("14");
        assertThat(onHand(nuts)).isEqualByComparingTo("4");
        // (10 × 8.30 + 4 × 9.00) / 14
        assertThat(latestCost(bolts).newCost()).isEqualByComparingTo("8.5");
        assertThat(latestCost(nuts).newCost())
                .as("nothing on hand before: the unit cost")
                .isEqualByComparingTo("5");
        assertThat(openLines(order.id())).noneMatch(OpenLine::isOpen);
        assertThat(fixture.asSystem(() -> jdbc.sql("SELECT to_id FROM purchase_document_link WHERE from_id = :id")
                        .param("id", order.id())
                        .query(UUID.class)
                        .list()))
                .containsExactlyInAnyOrder(first.receiptId(), second.receiptId());

        assertThatThrownBy(() -> post(order.id(), new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, null)))
                .isInstanceOf(PurchasingRuleException.class)
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.order-not-receivable");
    }

    @Test
    void more_than_is_open_is_refused_naming_the_line_and_nothing_changes() {
        UUID bolts = fixture.goods();
        Order order = fixture.sent(supplier, line(bolts, "5", "2.00"));
        post(order.id(), new ReceiptRequest.Line(order.line(1), new BigDecimal("3"), null));

        String code = openLines(order.id()).getFirst().articleCode();
        assertThatThrownBy(() -> post(
                        order.id(),
                        new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, null),
                        new ReceiptRequest.Line(order.line(1), new BigDecimal("2"), null)))
                .isInstanceOf(PurchasingRuleException.class)
                .satisfies(e -> {
                    PurchasingRuleException refusal = (PurchasingRuleException) e;
                    assertThat(refusal.messageKey()).isEqualTo("purchasing.receipt.more-than-open");
                    assertThat(refusal.arguments()).containsExactly(1, code + " · Artículo " + code, "3", "2");
                });
        assertThat(onHand(bolts)).isEqualByComparingTo("3");
        assertThat(openLines(order.id()).getFirst().received()).isEqualByComparingTo("3");
        assertThat(orderStatus(order.id())).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(receiptsOf(order.id())).isEqualTo(1);
    }

    @Test
    void a_receipt_without_quantities_a_foreign_line_or_another_tenants_order_is_refused() {
        UUID bolts = fixture.goods();
        Order order = fixture.sent(supplier, line(bolts, "5", "2.00"));
        Order other = fixture.sent(supplier, line(bolts, "5", "2.00"));

        assertThatThrownBy(() -> post(order.id()))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.no-lines");
        assertThatThrownBy(() -> post(order.id(), new ReceiptRequest.Line(order.line(1), BigDecimal.ZERO, null)))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.no-lines");
        assertThatThrownBy(() -> post(order.id(), new ReceiptRequest.Line(other.line(1), BigDecimal.ONE, null)))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.line-not-on-order");
        assertThatThrownBy(() -> fixture.as(
                        ADMIN,
                        () -> receipts.post(
                                order.id(),
                                new ReceiptRequest(
                                        null,
                                        null,
                                        null,
                                        List.of(new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, null))))))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.warehouse-required");
        assertThatThrownBy(() -> fixture.as(
                        PurchaseOrderFixture.NORTHWIND_ADMIN,
                        () -> receipts.post(
                                order.id(),
                                new ReceiptRequest(
                                        warehouse,
                                        null,
                                        null,
                                        List.of(new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, null))))))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.order-not-found");
        assertThatThrownBy(() -> fixture.as(
                        "consulta@demo.nexo",
                        () -> receipts.post(
                                order.id(),
                                new ReceiptRequest(
                                        warehouse,
                                        null,
                                        null,
                                        List.of(new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, null))))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixture.as(
                        ADMIN,
                        () -> receipts.post(
                                order.id(),
                                new ReceiptRequest(
                                        warehouse,
                                        LocalDate.now().plusDays(2),
                                        null,
                                        List.of(new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, null))))))
                .extracting(e -> ((PurchasingRuleException) e).messageKey())
                .isEqualTo("purchasing.receipt.date-in-future");
        assertThat(onHand(bolts)).isEqualByComparingTo("0");
        assertThat(orderStatus(order.id())).isEqualTo("SENT");
        assertThat(receiptsOf(order.id())).isZero();
    }

    @Test
    void a_posted_receipt_and_its_lines_cannot_change() {
        UUID bolts = fixture.goods();
        Order order = fixture.sent(supplier, line(bolts, "5", "2.00"));
        PostedReceipt receipt = post(order.id(), new ReceiptRequest.Line(order.line(1), BigDecimal.TWO, null));

        assertThatThrownBy(() ->
                        fixture.asSystem(() -> jdbc.sql("UPDATE purchase_document SET notes = 'changed' WHERE id = :id")
                                .param("id", receipt.receiptId())
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is posted");
        assertThatThrownBy(() -> fixture.asSystem(
                        () -> jdbc.sql("UPDATE purchase_document_line SET quantity = 5 WHERE document_id = :id")
                                .param("id", receipt.receiptId())
                                .update()))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("are posted");
        assertThatThrownBy(() ->
                        fixture.asSystem(() -> jdbc.sql("DELETE FROM purchase_document_line WHERE document_id = :id")
                                .param("id", receipt.receiptId())
                                .update()))
                .isInstanceOf(DataAccessException.class);
    }

    @Test
    void a_scanned_code_finds_the_orders_open_line_of_that_article() {
        UUID bolts = fixture.goods();
        UUID nuts = fixture.goods();
        Order order = fixture.sent(supplier, line(bolts, "5", "2.00"), line(nuts, "3", "1.00"));
        String nutCode = openLines(order.id()).get(1).articleCode();

        OpenLine found = fixture.as(
                        ADMIN, () -> receipts.findOpenOrderLineByArticleCode(order.id(), " " + nutCode.toLowerCase()))
                .orElseThrow();
        assertThat(found.lineId()).isEqualTo(order.line(2));
        assertThat(found.open()).isEqualByComparingTo("3");
        assertThat(fixture.as(ADMIN, () -> receipts.findOpenOrderLineByArticleCode(order.id(), "NO-SUCH-CODE")))
                .isEmpty();
        ReceivingOrder screen = fixture.as(ADMIN, () -> receipts.order(order.id()));
        assertThat(screen.number()).isEqualTo(order.number());
        assertThat(screen.receivable()).isTrue();
        assertThat(screen.lines()).hasSize(2);
    }

    @Test
    void two_receipts_at_once_of_the_whole_open_quantity_take_turns_and_the_second_is_refused() throws Exception {
        UUID bolts = fixture.goods();
        Order order = fixture.sent(supplier, line(bolts, "5", "2.00"));
        java.util.concurrent.Callable<Object> receiveAll = () -> {
            try {
                return post(order.id(), new ReceiptRequest.Line(order.line(1), new BigDecimal("5"), null));
            } catch (PurchasingRuleException e) {
                return e.messageKey();
            }
        };
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Object>> results = threads.invokeAll(List.of(receiveAll, receiveAll));
            List<Object> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<Object> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn(PostedReceipt.class::isInstance).hasSize(1);
            // The second waited for the first's lock and then found the order received in full.
            assertThat(outcomes).contains("purchasing.receipt.order-not-receivable");
        } finally {
            threads.shutdown();
        }
        assertThat(onHand(bolts)).isEqualByComparingTo("5");
        assertThat(receiptsOf(order.id())).isEqualTo(1);
        assertThat(orderStatus(order.id())).isEqualTo("RECEIVED");
    }

    @Test
    void a_location_of_another_warehouse_is_refused_by_the_stock_ledger_and_nothing_is_written() {
        UUID bolts = fixture.goods();
        Order order = fixture.sent(supplier, line(bolts, "5", "2.00"));
        UUID other = fixture.warehouse();
        UUID elsewhere = fixture.as(ADMIN, () -> warehouses.addLocation(other, "OTRO", "Otro almacén"));

        assertThatThrownBy(() -> post(order.id(), new ReceiptRequest.Line(order.line(1), BigDecimal.ONE, elsewhere)))
                .isInstanceOf(com.nexo.articles.ArticleRuleException.class);
        assertThat(onHand(bolts)).isEqualByComparingTo("0");
        assertThat(receiptsOf(order.id())).isZero();
        assertThat(orderStatus(order.id())).isEqualTo("SENT");
    }

    private PostedReceipt post(UUID orderId, ReceiptRequest.Line... lines) {
        return fixture.as(
                ADMIN, () -> receipts.post(orderId, new ReceiptRequest(warehouse, null, "ALB-1", List.of(lines))));
    }

    private List<OpenLine> openLines(UUID orderId) {
        return fixture.as(ADMIN, () -> receipts.openLines(orderId));
    }

    private BigDecimal onHand(UUID article) {
        return fixture.as(ADMIN, () -> stock.position(article, warehouse).onHand());
    }

    private CostChange latestCost(UUID article) {
        return fixture.as(ADMIN, () -> valuation.costHistory(article, 1).getFirst());
    }

    private String orderStatus(UUID orderId) {
        return fixture.asSystem(() -> jdbc.sql("SELECT status FROM purchase_document WHERE id = :id")
                .param("id", orderId)
                .query(String.class)
                .single());
    }

    private long receiptsOf(UUID orderId) {
        return fixture.asSystem(
                () -> jdbc.sql("SELECT count(*) FROM purchase_document WHERE kind = 'RECEIPT' AND order_id = :id")
                        .param("id", orderId)
                        .query(Long.class)
                        .single());
    }
}
