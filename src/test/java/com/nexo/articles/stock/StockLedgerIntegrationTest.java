package com.nexo.articles.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The stock ledger through the services, on the real database as the application role. */
@NexoSpringTest
class StockLedgerIntegrationTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ArticleService articles;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    @Autowired
    private StockService stock;

    @Autowired
    private StockListService stockLists;

    @Autowired
    private ReservationService reservations;

    private ArticleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    private UUID receive(UUID article, UUID warehouse, String quantity) {
        return fixtures.asAdmin(() -> stock.receive(StockEntry.of(article, warehouse, qty(quantity), "test")));
    }

    private UUID issue(UUID article, UUID warehouse, String quantity) {
        return fixtures.asAdmin(() -> stock.issue(StockEntry.of(article, warehouse, qty(quantity), "test")));
    }

    private StockPosition position(UUID article, UUID warehouse) {
        return fixtures.asAdmin(() -> stock.position(article, warehouse));
    }

    private BigDecimal fromLedger(UUID article, UUID warehouse) {
        return fixtures.asAdmin(() -> stock.onHandFromLedger(article, warehouse));
    }

    @Test
    void on_hand_follows_receipts_issues_and_adjustments_and_equals_the_ledger_sum() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");

        receive(article, warehouse, "10");
        issue(article, warehouse, "3");
        fixtures.asAdmin(() -> stock.adjust(StockEntry.of(article, warehouse, qty("-1"), "breakage")));

        assertThat(position(article, warehouse).onHand()).isEqualByComparingTo("6");
        assertThat(fromLedger(article, warehouse)).isEqualByComparingTo("6");
        List<MovementRow> history = fixtures.asAdmin(
                () -> stockLists.movements(article, warehouse, null, 10).rows());
        assertThat(history)
                .extracting(MovementRow::type)
                .containsExactly(MovementType.ADJUSTMENT, MovementType.ISSUE, MovementType.RECEIPT);
        assertThat(history.getFirst().reason()).isEqualTo("breakage");
        assertThat(history.getFirst().userId()).isNotNull();
    }

    @Test
    void a_movement_dated_in_the_past_sorts_into_the_history_by_its_date() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, warehouse, "5");
        java.time.Instant lastWeek = java.time.Instant.now()
                .minus(java.time.Duration.ofDays(7))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        fixtures.asAdmin(() -> stock.receive(new StockEntry(
                article, warehouse, null, qty("2"), null, lastWeek, "late delivery note", "purchase-receipt", "A-7")));

        List<MovementRow> history = fixtures.asAdmin(
                () -> stockLists.movements(article, warehouse, null, 10).rows());
        assertThat(history.getLast().movedAt()).isEqualTo(lastWeek);
        assertThat(history.getLast().sourceRef()).isEqualTo("A-7");
        assertThat(position(article, warehouse).onHand()).isEqualByComparingTo("7");
    }

    @Test
    void quantities_entered_in_another_unit_of_the_same_kind_are_converted() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "kg");
        UUID grams = fixtures.unit("g");

        fixtures.asAdmin(() ->
                stock.receive(new StockEntry(article, warehouse, null, qty("2500"), grams, null, "bags", null, null)));

        assertThat(position(article, warehouse).onHand()).isEqualByComparingTo("2.5");
        MovementRow movement = fixtures.asAdmin(
                        () -> stockLists.movements(article, warehouse, null, 1).rows())
                .getFirst();
        assertThat(movement.enteredQuantity()).isEqualByComparingTo("2500");
        assertThat(movement.enteredUnitCode()).isEqualTo("g");
        UUID metres = fixtures.unit("m");
        assertThatThrownBy(() -> fixtures.asAdmin(() -> stock.receive(
                        new StockEntry(article, warehouse, null, qty("1"), metres, null, null, null, null))))
                .hasMessage("articles.error.unit-kind-mismatch");
    }

    @Test
    void an_issue_beyond_on_hand_is_refused_and_leaves_nothing_behind() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, warehouse, "2");

        assertThatThrownBy(() -> issue(article, warehouse, "3"))
                .isInstanceOfSatisfying(ArticleRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("stock.error.insufficient");
                    assertThat(e.arguments()).hasSize(2);
                });

        assertThat(position(article, warehouse).onHand()).isEqualByComparingTo("2");
        assertThat(fixtures.asAdmin(
                        () -> stockLists.movements(article, warehouse, null, 10).rows()))
                .hasSize(1);
    }

    @Test
    void a_warehouse_that_allows_negative_stock_accepts_the_issue() {
        UUID warehouse = fixtures.warehouse(true);
        UUID article = fixtures.article(null, "ud");

        issue(article, warehouse, "4");

        assertThat(position(article, warehouse).onHand()).isEqualByComparingTo("-4");
    }

    @Test
    void two_concurrent_issues_of_the_last_unit_exactly_one_succeeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID warehouse = fixtures.warehouse(false);
                UUID article = fixtures.article(null, "ud");
                receive(article, warehouse, "1");
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            issue(article, warehouse, "1");
                            return "issued";
                        } catch (ArticleRuleException e) {
                            return e.messageKey();
                        }
                    }));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get(30, TimeUnit.SECONDS));
                }
                assertThat(results).containsExactlyInAnyOrder("issued", "stock.error.insufficient");
                assertThat(position(article, warehouse).onHand()).isEqualByComparingTo("0");
                assertThat(fromLedger(article, warehouse)).isEqualByComparingTo("0");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_transfer_moves_stock_between_warehouses_in_one_go() {
        UUID from = fixtures.warehouse(false);
        UUID to = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, from, "5");

        UUID transferId =
                fixtures.asAdmin(() -> stock.transfer(TransferEntry.of(article, from, to, qty("3"), "restock")));

        assertThat(position(article, from).onHand()).isEqualByComparingTo("2");
        assertThat(position(article, to).onHand()).isEqualByComparingTo("3");
        assertThat(fixtures.asAdmin(
                        () -> stockLists.movements(article, null, null, 10).rows()))
                .filteredOn(movement -> transferId.equals(movement.transferId()))
                .extracting(MovementRow::type)
                .containsExactlyInAnyOrder(MovementType.TRANSFER_OUT, MovementType.TRANSFER_IN);
    }

    @Test
    void a_transfer_that_cannot_leave_the_source_changes_neither_warehouse() {
        UUID from = fixtures.warehouse(false);
        UUID to = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, from, "1");

        assertThatThrownBy(() -> fixtures.asAdmin(
                        () -> stock.transfer(TransferEntry.of(article, from, to, qty("2"), "too much"))))
                .hasMessage("stock.error.insufficient");

        assertThat(position(article, from).onHand()).isEqualByComparingTo("1");
        assertThat(position(article, to).onHand()).isEqualByComparingTo("0");
        assertThat(fixtures.asAdmin(
                        () -> stockLists.movements(article, null, null, 10).rows()))
                .hasSize(1);
    }

    @Test
    void a_transfer_whose_destination_is_inactive_rolls_back_the_outgoing_half() {
        UUID from = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, from, "4");
        String code = "X" + fixtures.tag;
        UUID closed = fixtures.asAdmin(() -> warehouses.createWarehouse(
                new WarehouseForm(code.substring(0, Math.min(16, code.length())), "Cerrado", null, false, false)));

        assertThatThrownBy(() -> fixtures.asAdmin(
                        () -> stock.transfer(TransferEntry.of(article, from, closed, qty("2"), "closed"))))
                .hasMessage("stock.error.warehouse-inactive");

        assertThat(position(article, from).onHand()).isEqualByComparingTo("4");
        assertThat(fixtures.asAdmin(
                        () -> stockLists.movements(article, null, null, 10).rows()))
                .hasSize(1);
    }

    @Test
    void reservations_lower_availability_until_released_or_consumed() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, warehouse, "10");

        UUID first = fixtures.asAdmin(() -> reservations.reserve(
                new ReservationRequest(article, warehouse, qty("4"), "sales-order", "SO-1-" + fixtures.tag)));
        UUID second = fixtures.asAdmin(() -> reservations.reserve(
                new ReservationRequest(article, warehouse, qty("5"), "sales-order", "SO-2-" + fixtures.tag)));
        StockPosition reserved = fixtures.asAdmin(() -> reservations.availability(article, warehouse));
        assertThat(reserved.onHand()).isEqualByComparingTo("10");
        assertThat(reserved.reserved()).isEqualByComparingTo("9");
        assertThat(reserved.available()).isEqualByComparingTo("1");

        assertThatThrownBy(() -> fixtures.asAdmin(() -> reservations.reserve(
                        new ReservationRequest(article, warehouse, qty("2"), "sales-order", "SO-3-" + fixtures.tag))))
                .hasMessage("stock.error.not-available");

        fixtures.asAdmin(() -> {
            reservations.release(first);
            return null;
        });
        assertThat(fixtures.asAdmin(() -> reservations.availability(article, warehouse))
                        .available())
                .isEqualByComparingTo("5");

        UUID movement = fixtures.asAdmin(() -> reservations.consume(second));
        StockPosition after = fixtures.asAdmin(() -> reservations.availability(article, warehouse));
        assertThat(after.onHand()).isEqualByComparingTo("5");
        assertThat(after.reserved()).isEqualByComparingTo("0");
        assertThat(fixtures.asAdmin(() -> reservations.reservationsOf("sales-order", "SO-2-" + fixtures.tag)))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo("consumed");
                    assertThat(r.movementId()).isEqualTo(movement);
                });
        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    reservations.release(second);
                    return null;
                }))
                .hasMessage("stock.error.reservation-not-open");
    }

    @Test
    void two_concurrent_reservations_of_the_last_available_unit_exactly_one_succeeds() throws Exception {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, warehouse, "1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String ref = "SO-C" + i + "-" + fixtures.tag;
                outcomes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        fixtures.asAdmin(() -> reservations.reserve(
                                new ReservationRequest(article, warehouse, qty("1"), "sales-order", ref)));
                        return "reserved";
                    } catch (ArticleRuleException e) {
                        return e.messageKey();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(30, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyInAnyOrder("reserved", "stock.error.not-available");
            assertThat(fixtures.asAdmin(() -> reservations.availability(article, warehouse))
                            .reserved())
                    .isEqualByComparingTo("1");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void services_and_untracked_articles_have_no_stock() {
        UUID warehouse = fixtures.warehouse(false);
        UUID service = fixtures.article(null, "h", ArticleKind.SERVICE, false);

        assertThatThrownBy(() -> receive(service, warehouse, "1")).hasMessage("stock.error.not-stock-tracked");
        assertThatThrownBy(() -> fixtures.article(null, "h", ArticleKind.SERVICE, true))
                .hasMessage("articles.error.service-stocked");
    }

    @Test
    void adjustments_need_a_reason() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");

        assertThatThrownBy(() -> fixtures.asAdmin(() -> stock.adjust(StockEntry.of(article, warehouse, qty("1"), " "))))
                .hasMessage("stock.error.reason-required");
    }
}
