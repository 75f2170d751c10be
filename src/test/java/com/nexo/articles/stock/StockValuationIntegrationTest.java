package com.nexo.articles.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Receipts at cost and the article's weighted average cost, on the real database as the application role. */
@NexoSpringTest
class StockValuationIntegrationTest {

    private static final String READ_ONLY = "consulta@demo.nexo";

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
    private StockValuation valuation;

    @Autowired
    private PlatformTransactionManager transactions;

    private ArticleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private CostedReceipt receiveAtCost(UUID article, UUID warehouse, String quantity, String unitCost, String ref) {
        return fixtures.asAdmin(() -> valuation.receiveAtCost(
                StockEntry.of(article, warehouse, d(quantity), "test").withSource("purchase-receipt", ref),
                d(unitCost)));
    }

    private BigDecimal cost(UUID article) {
        return fixtures.asAdmin(() -> articles.getForm(article).cost());
    }

    private List<CostChange> history(UUID article) {
        return fixtures.asAdmin(() -> valuation.costHistory(article, 50));
    }

    @Test
    void receipts_at_cost_average_the_articles_cost_and_leave_its_history() {
        UUID warehouse = fixtures.warehouse(false);
        UUID other = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud"); // typed cost 7.25, nothing on hand

        CostedReceipt first = receiveAtCost(article, warehouse, "10", "8", "R-1");
        assertThat(first.newCost()).isEqualTo("8.0000");
        assertThat(cost(article)).isEqualByComparingTo("8");

        // 10 at 8 on hand (in another warehouse: on hand counts over all of them), 30 more at 12.
        CostedReceipt second = receiveAtCost(article, other, "30", "12", "R-2");
        assertThat(second.newCost()).isEqualTo("11.0000");
        assertThat(cost(article)).isEqualByComparingTo("11");
        assertThat(fixtures.asAdmin(() -> stock.position(article, other)).onHand())
                .isEqualByComparingTo("30");

        List<CostChange> changes = history(article);
        assertThat(changes).hasSize(2);
        CostChange newest = changes.get(0);
        assertThat(newest.previousCost()).isEqualByComparingTo("8");
        assertThat(newest.newCost()).isEqualByComparingTo("11");
        assertThat(newest.quantity()).isEqualByComparingTo("30");
        assertThat(newest.unitCost()).isEqualByComparingTo("12");
        assertThat(newest.stockBefore()).isEqualByComparingTo("10");
        assertThat(newest.sourceType()).isEqualTo("purchase-receipt");
        assertThat(newest.sourceRef()).isEqualTo("R-2");
        assertThat(newest.movementId()).isEqualTo(second.movementId());
        assertThat(newest.changedBy()).isNotNull();
        CostChange oldest = changes.get(1);
        assertThat(oldest.previousCost()).isEqualByComparingTo("7.25");
        assertThat(oldest.newCost()).isEqualByComparingTo("8");
        assertThat(oldest.stockBefore()).isEqualByComparingTo("0");
        assertThat(oldest.movementId()).isEqualTo(first.movementId());

        // The receipt is an ordinary movement of the ledger, with its source.
        List<MovementRow> movements = fixtures.asAdmin(
                () -> stockLists.movements(article, other, null, 10).rows());
        assertThat(movements).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(second.movementId());
            assertThat(row.type()).isEqualTo(MovementType.RECEIPT);
            assertThat(row.sourceRef()).isEqualTo("R-2");
        });
    }

    @Test
    void a_receipt_in_another_unit_averages_over_the_converted_quantity() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "kg");
        UUID grams = fixtures.unit("g");
        receiveAtCost(article, warehouse, "2", "4", "R-1");

        // 500 g at 10 per kilogram: (2 × 4 + 0.5 × 10) / 2.5 = 5.2.
        CostedReceipt receipt = fixtures.asAdmin(() -> valuation.receiveAtCost(
                new StockEntry(article, warehouse, null, d("500"), grams, null, "bag", null, null), d("10")));

        assertThat(receipt.newCost()).isEqualTo("5.2000");
        CostChange change = history(article).getFirst();
        assertThat(change.quantity()).isEqualByComparingTo("0.5");
        assertThat(change.sourceType()).isEqualTo(StockValuation.RECEIPT_SOURCE);
        assertThat(change.sourceRef()).isNull();
    }

    @Test
    void stock_below_zero_before_a_receipt_counts_as_none() {
        UUID warehouse = fixtures.warehouse(true);
        UUID article = fixtures.article(null, "ud");
        receiveAtCost(article, warehouse, "2", "9", "R-1");
        fixtures.asAdmin(() -> stock.issue(StockEntry.of(article, warehouse, d("7"), "sold ahead")));

        CostedReceipt receipt = receiveAtCost(article, warehouse, "10", "3", "R-2");

        assertThat(receipt.newCost()).isEqualTo("3.0000");
        assertThat(history(article).getFirst().stockBefore()).isEqualByComparingTo("-5");
    }

    @Test
    void a_cost_typed_in_the_form_is_in_the_history_and_the_next_receipt_averages_from_it() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receiveAtCost(article, warehouse, "4", "5", "R-1");

        fixtures.asAdmin(() -> {
            ArticleForm form = articles.getForm(article);
            articles.update(withCost(form, d("6.5")));
            return null;
        });
        // Saving again without touching the cost adds nothing.
        fixtures.asAdmin(() -> {
            articles.update(articles.getForm(article));
            return null;
        });

        List<CostChange> changes = history(article);
        assertThat(changes).hasSize(2);
        CostChange manual = changes.getFirst();
        assertThat(manual.sourceType()).isEqualTo(CostChange.MANUAL);
        assertThat(manual.byReceipt()).isFalse();
        assertThat(manual.previousCost()).isEqualByComparingTo("5");
        assertThat(manual.newCost()).isEqualByComparingTo("6.5");
        assertThat(manual.stockBefore()).isEqualByComparingTo("4");
        assertThat(manual.quantity()).isNull();
        assertThat(manual.unitCost()).isNull();

        // (4 × 6.5 + 4 × 8.5) / 8 = 7.5
        assertThat(receiveAtCost(article, warehouse, "4", "8.5", "R-2").newCost())
                .isEqualTo("7.5000");
    }

    @Test
    void an_article_that_never_moved_stock_is_deleted_with_its_manual_cost_changes() {
        UUID article = fixtures.article(null, "ud");
        fixtures.asAdmin(() -> {
            articles.update(withCost(articles.getForm(article), d("3.1")));
            return null;
        });
        assertThat(history(article)).hasSize(1);

        fixtures.asAdmin(() -> {
            articles.deleteArticle(article);
            return null;
        });

        assertThat(history(article)).isEmpty();
        assertThatThrownBy(() -> cost(article))
                .isInstanceOfSatisfying(
                        ArticleRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("articles.error.not-found"));
    }

    @Test
    void a_form_loaded_before_a_receipt_cannot_save_the_old_cost_over_the_new_one() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        ArticleForm loaded = fixtures.asAdmin(() -> articles.getForm(article));

        receiveAtCost(article, warehouse, "1", "20", "R-1");

        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    articles.update(loaded);
                    return null;
                }))
                .isInstanceOfSatisfying(
                        ArticleRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("articles.error.changed-meanwhile"));
        assertThat(cost(article)).isEqualByComparingTo("20");
    }

    @Test
    void a_second_receipt_waits_for_the_first_and_averages_over_its_result() throws Exception {
        UUID warehouse = fixtures.warehouse(false);
        // Into another warehouse: no balance row is shared, only the article's row.
        UUID other = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receiveAtCost(article, warehouse, "10", "5", "R-0");
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        CountDownLatch firstReceived = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        // Two threads of their own: the common pool may have a single one on a small machine.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<CostedReceipt> first = CompletableFuture.supplyAsync(
                    () -> LoggedIn.asUser(
                            users,
                            ArticleFixtures.ADMIN,
                            () -> inTransaction.execute(status -> {
                                CostedReceipt receipt = valuation.receiveAtCost(
                                        StockEntry.of(article, warehouse, d("10"), "first"), d("8"));
                                firstReceived.countDown();
                                await(commitFirst);
                                return receipt;
                            })),
                    threads);
            assertThat(firstReceived.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<CostedReceipt> second = CompletableFuture.supplyAsync(
                    () -> fixtures.asAdmin(
                            () -> valuation.receiveAtCost(StockEntry.of(article, other, d("10"), "second"), d("2"))),
                    threads);

            // The second receipt queues on the article's row while the first is open.
            Thread.sleep(500);
            assertThat(second).isNotDone();
            commitFirst.countDown();

            // (10 × 5 + 10 × 8) / 20 = 6.5, then (20 × 6.5 + 10 × 2) / 30 = 5.
            assertThat(first.get(30, TimeUnit.SECONDS).newCost()).isEqualTo("6.5000");
            assertThat(second.get(30, TimeUnit.SECONDS).newCost()).isEqualTo("5.0000");
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(cost(article)).isEqualByComparingTo("5");
        CostChange last = history(article).getFirst();
        assertThat(last.previousCost()).isEqualByComparingTo("6.5");
        assertThat(last.stockBefore()).isEqualByComparingTo("20");
    }

    @Test
    void a_user_who_may_not_move_stock_is_refused_and_a_reader_sees_the_history() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receiveAtCost(article, warehouse, "1", "3", "R-1");

        assertThatThrownBy(() -> LoggedIn.asUser(
                        users,
                        READ_ONLY,
                        () -> valuation.receiveAtCost(StockEntry.of(article, warehouse, d("1"), "x"), d("1"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(LoggedIn.asUser(users, READ_ONLY, () -> valuation.costHistory(article, 10)))
                .singleElement()
                .satisfies(change -> assertThat(change.newCost()).isEqualByComparingTo("3"));
        assertThat(cost(article)).isEqualByComparingTo("3");
        assertThat(fixtures.asAdmin(() -> stock.position(article, warehouse)).onHand())
                .isEqualByComparingTo("1");
    }

    @Test
    void a_negative_or_missing_unit_cost_is_refused_and_nothing_is_received() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");

        for (BigDecimal unitCost : new BigDecimal[] {d("-0.01"), null, d("10000000000")}) {
            assertThatThrownBy(() -> fixtures.asAdmin(
                            () -> valuation.receiveAtCost(StockEntry.of(article, warehouse, d("1"), "x"), unitCost)))
                    .isInstanceOfSatisfying(
                            ArticleRuleException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("stock.error.unit-cost-invalid"));
        }
        // A refused receipt (a quantity of zero) leaves neither stock nor cost behind.
        assertThatThrownBy(() -> receiveAtCost(article, warehouse, "0", "4", "R-1"))
                .isInstanceOf(ArticleRuleException.class);
        assertThat(fixtures.asAdmin(() -> stock.position(article, warehouse)).onHand())
                .isEqualByComparingTo("0");
        assertThat(history(article)).isEmpty();
        assertThat(cost(article)).isEqualByComparingTo("7.25");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ArticleForm withCost(ArticleForm form, BigDecimal cost) {
        return new ArticleForm(
                form.id(),
                form.version(),
                form.code(),
                form.kind(),
                form.nameEs(),
                form.nameEn(),
                form.descriptionEs(),
                form.descriptionEn(),
                form.categoryId(),
                form.unitId(),
                form.barcode(),
                form.salePrice(),
                cost,
                form.taxRate(),
                form.defaultSupplierId(),
                form.stockTracked());
    }
}
