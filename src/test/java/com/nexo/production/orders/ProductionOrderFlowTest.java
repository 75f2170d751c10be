package com.nexo.production.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderEntry.EntryKind;
import com.nexo.production.orders.ProductionOrderFixtures.Line;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

@NexoSpringTest
class ProductionOrderFlowTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ProductionOrderService orders;

    @Autowired
    ProductionOrderQueries queries;

    @Autowired
    ShortageService shortages;

    ProductionOrderFixtures fx;
    UUID warehouse;

    @BeforeEach
    void setUp() {
        fx = new ProductionOrderFixtures(context);
        warehouse = fx.warehouse();
    }

    private UUID create(UUID article, String quantity) {
        return fx.asPlanner(() -> orders.create(
                new OrderForm(article, new BigDecimal(quantity), LocalDate.now().plusDays(7), warehouse, null, null)));
    }

    private OrderDetails details(UUID order) {
        return fx.asPlanner(() -> queries.details(order, Locale.ENGLISH));
    }

    private long version(UUID order) {
        return details(order).header().version();
    }

    private ReleaseResult release(UUID order) {
        long current = version(order);
        return fx.asPlanner(() -> orders.release(order, current));
    }

    private CostComparison closeNow(UUID order) {
        long current = version(order);
        return fx.asPlanner(() -> orders.close(order, current));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aBillWithASubAssemblyNotInStockIsMadeByAChildOrderAndTheOrderRunsToCloseWithActualAgainstStandard() {
        UUID input = fx.goods();
        UUID part = fx.goods();
        UUID partInput = fx.goods();
        UUID labour = fx.service();
        UUID top = fx.goods();
        fx.bom(part, Line.material(partInput, "3"));
        fx.bom(top, Line.material(input, "2", "20"), Line.material(part, "1"), Line.service(labour, "0.5"));
        fx.stock(input, warehouse, "100");
        fx.stock(partInput, warehouse, "100");

        UUID order = create(top, "10");
        ReleaseResult released = release(order);

        assertThat(released.number()).startsWith("OF" + LocalDate.now().getYear() + "-");
        assertThat(released.childOrderIds()).hasSize(1);
        assertThat(released.shortMaterials()).isZero();
        OrderDetails parent = details(order);
        assertThat(parent.header().status()).isEqualTo(OrderStatus.RELEASED);
        OrderMaterial inputLine = parent.materials().get(0);
        assertThat(inputLine.required()).isEqualByComparingTo("25"); // 2 × 10 with 20 % scrap
        assertThat(inputLine.reserved()).isEqualByComparingTo("25");
        OrderMaterial partLine = parent.materials().get(1);
        assertThat(partLine.reserved()).isEqualByComparingTo("0");
        assertThat(partLine.childOrderId()).isEqualTo(released.childOrderIds().get(0));
        assertThat(partLine.childOrderNumber()).isNotBlank();
        assertThat(partLine.shortQuantity()).isEqualByComparingTo("0");
        assertThat(fx.balance(input, warehouse)[1]).isEqualByComparingTo("25");
        // No roll-up yet: the bill at the articles' costs, 2 × 100/80 × 7.25 + 1 × 7.25 per unit of
        // materials, 0.5 h × 7.25 of service.
        assertThat(parent.header().standardMaterialCost()).isEqualByComparingTo("25.375");
        assertThat(parent.header().standardServiceCost()).isEqualByComparingTo("3.625");
        Integer tasks = fx.asSystem(() -> fx.jdbc()
                .sql("SELECT count(*) FROM production_order_task WHERE order_id = :o AND planned_hours = 5")
                .param("o", order)
                .query(Integer.class)
                .single());
        assertThat(tasks).isEqualTo(1);

        UUID child = released.childOrderIds().get(0);
        OrderDetails childDetails = details(child);
        assertThat(childDetails.header().quantity()).isEqualByComparingTo("10");
        assertThat(childDetails.header().parentId()).isEqualTo(order);
        assertThat(childDetails.parentNumber()).isEqualTo(released.number());
        assertThat(childDetails.materials().get(0).reserved()).isEqualByComparingTo("30");

        // The child makes the sub-assembly, consuming its input from the reservation.
        fx.asPlanner(() -> orders.produce(child, dec("10"), true));
        fx.asPlanner(() -> orders.complete(child));
        assertThat(fx.balance(part, warehouse)[0]).isEqualByComparingTo("10");
        assertThat(fx.balance(partInput, warehouse)).containsExactly(dec("70.000000"), dec("0.000000"));

        // Half the parent: consume what the bill proposes, produce, scrap a material and an output.
        List<MaterialUse> proposal = fx.asPlanner(() -> orders.proposedConsumption(order, dec("5")));
        assertThat(proposal).extracting(MaterialUse::quantity).containsExactly(dec("12.5000"), dec("5.0000"));
        fx.asPlanner(() -> orders.consume(order, proposal));
        fx.asPlanner(() -> orders.produce(order, dec("5"), false));
        fx.asPlanner(() -> orders.scrap(order, inputLine.id(), dec("1"), "Roto al montar"));
        fx.asPlanner(() -> orders.scrap(order, null, dec("1"), "Fallo de pintura"));

        OrderDetails half = details(order);
        assertThat(half.header().status()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(half.header().producedQuantity()).isEqualByComparingTo("5");
        assertThat(half.header().scrappedQuantity()).isEqualByComparingTo("1");
        assertThat(half.materials().get(0).consumed()).isEqualByComparingTo("13.5");
        assertThat(half.materials().get(0).reserved()).isEqualByComparingTo("11.5");
        assertThat(half.entries())
                .filteredOn(entry -> entry.kind() == EntryKind.SCRAP)
                .extracting(OrderEntry::reason)
                .containsExactlyInAnyOrder("Roto al montar", "Fallo de pintura");
        assertThat(fx.balance(top, warehouse)[0]).isEqualByComparingTo("5");

        // Every movement names the order; the output was received at the standard unit cost.
        List<Map<String, Object>> movements =
                fx.asSystem(() -> fx.jdbc().sql("""
                        SELECT source_type, source_ref, movement_type FROM stock_movement
                         WHERE id IN (SELECT movement_id FROM production_order_entry WHERE order_id = :o)
                        """).param("o", order).query().listOfRows());
        assertThat(movements).hasSize(4).allSatisfy(movement -> {
            assertThat(movement.get("source_type")).isEqualTo("production-order");
            assertThat(movement.get("source_ref")).isEqualTo(released.number());
        });

        fx.asPlanner(() -> orders.produce(order, dec("5"), true));
        fx.asPlanner(() -> orders.complete(order));
        assertThat(fx.balance(input, warehouse)[1]).isEqualByComparingTo("0");
        OrderDetails done = details(order);
        assertThat(done.header().status()).isEqualTo(OrderStatus.COMPLETED);

        CostComparison costs =
                fx.asPlanner(() -> orders.close(order, done.header().version()));
        // 25 of the input at 7.25 (the scrapped unit counts, so the last proposal was one less) and 10
        // parts at 21.75, the cost the child's output brought them to; no time recorded.
        assertThat(costs.actualMaterial()).isEqualByComparingTo("398.75");
        assertThat(costs.standardTotal()).isEqualByComparingTo("290.00");
        assertThat(costs.variance()).isEqualByComparingTo("108.75");
        assertThat(details(order).header().status()).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void anOrderMayBeCompletedWithPartOfItsQuantityAndWhatIsStillReservedGoesBack() {
        UUID input = fx.goods();
        UUID top = fx.goods();
        fx.bom(top, Line.material(input, "1"));
        fx.stock(input, warehouse, "50");
        UUID order = create(top, "10");
        release(order);

        fx.asPlanner(() -> orders.produce(order, dec("3"), true));
        fx.asPlanner(() -> orders.complete(order));

        OrderDetails done = details(order);
        assertThat(done.header().status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(done.header().producedQuantity()).isEqualByComparingTo("3");
        assertThat(done.materials().get(0).consumed()).isEqualByComparingTo("3");
        assertThat(done.materials().get(0).reserved()).isEqualByComparingTo("0");
        assertThat(fx.balance(input, warehouse)).containsExactly(dec("47.000000"), dec("0.000000"));
    }

    @Test
    void twoReleasesInParallelForTheLastUnitsReserveThemOnceAndTheOtherShowsAShortage() throws Exception {
        UUID input = fx.goods();
        UUID top = fx.goods();
        fx.bom(top, Line.material(input, "1"));
        fx.stock(input, warehouse, "5");
        UUID first = create(top, "5");
        UUID second = create(top, "5");
        long firstVersion = version(first);
        long secondVersion = version(second);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);

        CompletableFuture<ReleaseResult> one = CompletableFuture.supplyAsync(
                () -> fx.asPlanner(() -> {
                    await(start);
                    return orders.release(first, firstVersion);
                }),
                threads);
        CompletableFuture<ReleaseResult> two = CompletableFuture.supplyAsync(
                () -> fx.asPlanner(() -> {
                    await(start);
                    return orders.release(second, secondVersion);
                }),
                threads);

        List<Integer> shorts = List.of(
                one.get(30, TimeUnit.SECONDS).shortMaterials(),
                two.get(30, TimeUnit.SECONDS).shortMaterials());
        threads.shutdown();
        assertThat(shorts).containsExactlyInAnyOrder(0, 1);
        BigDecimal reservedFirst = details(first).materials().get(0).reserved();
        BigDecimal reservedSecond = details(second).materials().get(0).reserved();
        assertThat(reservedFirst.add(reservedSecond)).isEqualByComparingTo("5");
        assertThat(List.of(reservedFirst, reservedSecond))
                .anySatisfy(reserved -> assertThat(reserved).isEqualByComparingTo("0"));
        BigDecimal[] balance = fx.balance(input, warehouse);
        assertThat(balance[0].subtract(balance[1])).isEqualByComparingTo("0");

        UUID shortOrder = reservedFirst.signum() == 0 ? first : second;
        List<ShortageRow> rows = fx.asPlanner(() -> shortages.shortages(Locale.ENGLISH));
        assertThat(rows)
                .filteredOn(row -> row.articleId().equals(input))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.missing()).isEqualByComparingTo("5");
                    assertThat(row.available()).isEqualByComparingTo("0");
                    assertThat(row.toBuy()).isEqualByComparingTo("5");
                    assertThat(row.orders())
                            .extracting(ShortageRow.OrderShortage::orderId)
                            .containsExactly(shortOrder);
                });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancellingAReleasedOrderReleasesItsReservationsAndCancelsItsChildOrders() {
        UUID input = fx.goods();
        UUID part = fx.goods();
        UUID partInput = fx.goods();
        UUID top = fx.goods();
        fx.bom(part, Line.material(partInput, "1"));
        fx.bom(top, Line.material(input, "1"), Line.material(part, "1"));
        fx.stock(input, warehouse, "10");
        fx.stock(partInput, warehouse, "10");
        UUID order = create(top, "4");
        ReleaseResult released = release(order);
        assertThat(fx.balance(input, warehouse)[1]).isEqualByComparingTo("4");
        assertThat(fx.balance(partInput, warehouse)[1]).isEqualByComparingTo("4");

        long current = version(order);
        fx.asPlanner(() -> orders.cancel(order, current, "El cliente anuló el pedido"));

        assertThat(details(order).header().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(details(released.childOrderIds().get(0)).header().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(fx.balance(input, warehouse)[1]).isEqualByComparingTo("0");
        assertThat(fx.balance(partInput, warehouse)[1]).isEqualByComparingTo("0");
    }

    @Test
    void theRulesRefuseAWrongStateAMissingBillAStaleVersionAndAMissingReason() {
        UUID input = fx.goods();
        UUID top = fx.goods();
        UUID noBill = fx.goods();
        fx.bom(top, Line.material(input, "1"));
        UUID order = create(top, "2");
        long stale = version(order);

        assertThatThrownBy(() -> create(noBill, "1"))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.no-bill");
        assertThatThrownBy(() -> create(top, "0"))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.quantity-positive");
        assertThatThrownBy(() -> fx.asPlanner(() -> orders.produce(order, dec("1"), false)))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.wrong-state");

        fx.asPlanner(() -> orders.release(order, stale));
        assertThatThrownBy(() -> fx.asPlanner(() -> orders.release(order, stale)))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.changed");
        assertThatThrownBy(() -> release(order))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.wrong-state");
        assertThatThrownBy(() -> closeNow(order))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.wrong-state");
        assertThatThrownBy(() -> fx.asPlanner(() -> orders.scrap(order, null, dec("1"), " ")))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.reason-required");
        assertThatThrownBy(() -> fx.asPlanner(() -> orders.produce(order, dec("3"), false)))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.orders.error.more-than-ordered");
    }

    @Test
    void someoneWhoMayOnlyReadProductionCannotCreateOrRecord() {
        UUID top = fx.goods();
        fx.bom(top, Line.material(fx.goods(), "1"));
        UUID order = create(top, "1");

        assertThat(fx.as(fx.viewer, () -> queries.details(order, Locale.ENGLISH))
                        .header()
                        .id())
                .isEqualTo(order);
        assertThatThrownBy(() -> fx.as(
                        fx.viewer,
                        () -> orders.create(
                                new OrderForm(top, BigDecimal.ONE, LocalDate.now(), warehouse, null, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(fx.viewer, () -> {
                    orders.start(order);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theListFindsOrdersByStatusAndByTheArticleCode() {
        UUID top = fx.goods();
        fx.bom(top, Line.material(fx.goods(), "1"));
        UUID order = create(top, "1");
        String code = details(order).articleCode();

        List<OrderRow> found =
                fx.asPlanner(() -> queries.list(new OrderFilter(OrderStatus.DRAFT, null, code), 0, 20, Locale.ENGLISH));
        assertThat(found).extracting(OrderRow::id).contains(order);
        assertThat(fx.asPlanner(() -> queries.count(new OrderFilter(OrderStatus.CLOSED, null, code))))
                .isZero();
    }
}
