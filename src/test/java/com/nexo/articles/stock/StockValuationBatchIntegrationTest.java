package com.nexo.articles.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link StockValuation#receiveAllAtCost}: the same entries received in one batch and one by one, on
 * twin articles, leave the same costs, cost history, balances and article versions; a batch is
 * refused as one by one would refuse its first bad entry, with nothing written.
 */
@NexoSpringTest
class StockValuationBatchIntegrationTest {

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

    /** One scenario's articles: ud with stock, kg received in grams, one below zero, one received twice. */
    private record Twins(UUID plain, UUID kilos, UUID negative, UUID twice, UUID untouched) {

        List<UUID> all() {
            return List.of(plain, kilos, negative, twice, untouched);
        }
    }

    private Twins twins(UUID warehouse, UUID negativeWarehouse) {
        Twins twins = new Twins(
                fixtures.article(null, "ud"),
                fixtures.article(null, "kg"),
                fixtures.article(null, "ud"),
                fixtures.article(null, "ud"),
                fixtures.article(null, "ud"));
        fixtures.asAdmin(() -> {
            stock.receive(StockEntry.of(twins.plain(), warehouse, d("10"), "opening"));
            valuation.receiveAtCost(StockEntry.of(twins.kilos(), warehouse, d("2"), "opening"), d("4"));
            valuation.receiveAtCost(StockEntry.of(twins.negative(), negativeWarehouse, d("2"), "opening"), d("9"));
            stock.issue(StockEntry.of(twins.negative(), negativeWarehouse, d("7"), "sold ahead"));
            valuation.receiveAtCost(StockEntry.of(twins.twice(), warehouse, d("3"), "opening"), d("1.3333"));
            return null;
        });
        return twins;
    }

    private List<CostedEntry> entries(Twins twins, UUID warehouse, UUID negativeWarehouse, UUID grams) {
        return List.of(
                new CostedEntry(
                        StockEntry.of(twins.plain(), warehouse, d("30"), "r").withSource("purchase-receipt", "R-1"),
                        d("12.123456")),
                new CostedEntry(
                        new StockEntry(twins.kilos(), warehouse, null, d("500"), grams, null, "bag", null, null),
                        d("10")),
                new CostedEntry(
                        StockEntry.of(twins.twice(), warehouse, d("7"), "r").withSource("x", "R-2"), d("2.5")),
                new CostedEntry(StockEntry.of(twins.negative(), negativeWarehouse, d("10"), "r"), d("3")),
                new CostedEntry(
                        StockEntry.of(twins.twice(), warehouse, d("5"), "r").withSource("x", "R-3"), d("0")),
                // Same cost as the article's: the history has the row, the cost and version stay.
                new CostedEntry(StockEntry.of(twins.untouched(), warehouse, d("1"), "r"), d("7.25")));
    }

    private static List<CostedEntry> on(List<CostedEntry> entries, Map<UUID, UUID> twinOf) {
        return entries.stream()
                .map(costed -> new CostedEntry(
                        new StockEntry(
                                twinOf.get(costed.entry().articleId()),
                                costed.entry().warehouseId(),
                                costed.entry().locationId(),
                                costed.entry().quantity(),
                                costed.entry().unitId(),
                                costed.entry().movedAt(),
                                costed.entry().reason(),
                                costed.entry().sourceType(),
                                costed.entry().sourceRef()),
                        costed.unitCost()))
                .toList();
    }

    @Test
    void a_batch_leaves_the_same_costs_history_balances_and_versions_as_one_by_one() {
        UUID warehouse = fixtures.warehouse(false);
        UUID negativeWarehouse = fixtures.warehouse(true);
        UUID grams = fixtures.unit("g");
        Twins single = twins(warehouse, negativeWarehouse);
        Twins batched = twins(warehouse, negativeWarehouse);
        Map<UUID, UUID> twinOf = new java.util.HashMap<>();
        for (int i = 0; i < single.all().size(); i++) {
            twinOf.put(single.all().get(i), batched.all().get(i));
        }
        Map<UUID, Long> versionsBefore = versions(single, batched);

        List<CostedEntry> oneByOne = entries(single, warehouse, negativeWarehouse, grams);
        List<CostedReceipt> singleResults = new ArrayList<>();
        for (CostedEntry costed : oneByOne) {
            singleResults.add(fixtures.asAdmin(() -> valuation.receiveAtCost(costed.entry(), costed.unitCost())));
        }
        List<CostedReceipt> batchResults = fixtures.asAdmin(() -> valuation.receiveAllAtCost(on(oneByOne, twinOf)));

        assertThat(batchResults).hasSize(singleResults.size());
        for (int i = 0; i < singleResults.size(); i++) {
            assertThat(batchResults.get(i).newCost())
                    .isEqualTo(singleResults.get(i).newCost());
        }
        // (10 × 7.25 + 30 × 12.1235) / 40; (2 × 4 + 0.5 × 10) / 2.5; twice: (3 × 1.3333 + 7 × 2.5) / 10
        // then (10 × 2.15 + 5 × 0) / 15; below zero: the unit cost.
        assertThat(singleResults)
                .extracting(CostedReceipt::newCost)
                .containsExactly(d("10.9051"), d("5.2000"), d("2.1500"), d("3.0000"), d("1.4333"), d("7.2500"));

        Map<UUID, Long> versionsAfter = versions(single, batched);
        for (UUID article : single.all()) {
            UUID twin = twinOf.get(article);
            assertThat(cost(twin)).isEqualTo(cost(article));
            assertThat(versionsAfter.get(twin) - versionsBefore.get(twin))
                    .as("versions moved")
                    .isEqualTo(versionsAfter.get(article) - versionsBefore.get(article));
            assertThat(onHand(twin, warehouse)).isEqualByComparingTo(onHand(article, warehouse));
            assertThat(onHand(twin, negativeWarehouse)).isEqualByComparingTo(onHand(article, negativeWarehouse));
        }
        assertThat(versionsAfter.get(batched.twice()) - versionsBefore.get(batched.twice()))
                .isEqualTo(2);
        assertThat(versionsAfter.get(batched.untouched())).isEqualTo(versionsBefore.get(batched.untouched()));
        assertThat(onHand(batched.negative(), negativeWarehouse)).isEqualByComparingTo("5");
        assertThat(onHand(batched.twice(), warehouse)).isEqualByComparingTo("15");

        // The history: one row per entry, tied to its movement, with the same figures.
        Map<UUID, CostChange> singleChanges = changesByMovement(single);
        Map<UUID, CostChange> batchChanges = changesByMovement(batched);
        for (int i = 0; i < singleResults.size(); i++) {
            CostChange expected = singleChanges.get(singleResults.get(i).movementId());
            CostChange actual = batchChanges.get(batchResults.get(i).movementId());
            assertThat(actual).as("history row of entry %d", i).isNotNull();
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields("id", "changedAt", "movementId")
                    .isEqualTo(expected);
        }
        CostChange second = batchChanges.get(batchResults.get(4).movementId());
        assertThat(second.previousCost()).isEqualByComparingTo("2.15");
        assertThat(second.stockBefore()).isEqualByComparingTo("10");
        assertThat(second.sourceRef()).isEqualTo("R-3");
    }

    @Test
    void a_batch_is_refused_as_its_first_bad_entry_would_be_and_writes_nothing() {
        UUID warehouse = fixtures.warehouse(false);
        UUID good = fixtures.article(null, "ud");
        UUID archived = fixtures.article(null, "ud");
        UUID service = fixtures.article(null, "ud", ArticleKind.SERVICE, false);
        fixtures.asAdmin(() -> {
            articles.archiveArticle(archived);
            return null;
        });
        CostedEntry ok = new CostedEntry(StockEntry.of(good, warehouse, d("5"), "r"), d("2"));

        assertRefused(
                List.of(ok, new CostedEntry(StockEntry.of(archived, warehouse, d("1"), "r"), d("1"))),
                "stock.error.article-archived");
        assertRefused(
                List.of(ok, new CostedEntry(StockEntry.of(service, warehouse, d("1"), "r"), d("1"))),
                "stock.error.not-stock-tracked");
        assertRefused(
                List.of(ok, new CostedEntry(StockEntry.of(good, warehouse, d("1"), "r"), d("-1"))),
                "stock.error.unit-cost-invalid");
        assertRefused(
                List.of(ok, new CostedEntry(StockEntry.of(UUID.randomUUID(), warehouse, d("1"), "r"), d("1"))),
                "articles.error.not-found");
        assertRefused(
                List.of(ok, new CostedEntry(StockEntry.of(good, null, d("1"), "r"), d("1"))),
                "stock.error.article-and-warehouse-required");
        // The first bad entry decides, as one by one: archived before the bad cost.
        assertRefused(
                List.of(
                        ok,
                        new CostedEntry(StockEntry.of(archived, warehouse, d("1"), "r"), d("1")),
                        new CostedEntry(StockEntry.of(good, warehouse, d("1"), "r"), null)),
                "stock.error.article-archived");

        assertThat(onHand(good, warehouse)).isEqualByComparingTo("0");
        assertThat(fixtures.asAdmin(() -> valuation.costHistory(good, 10))).isEmpty();
        assertThat(cost(good)).isEqualByComparingTo("7.25");
        assertThat(fixtures.asAdmin(() -> valuation.receiveAllAtCost(List.of())))
                .isEmpty();
    }

    @Test
    void a_user_who_may_not_move_stock_is_refused() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        assertThatThrownBy(() -> LoggedIn.asUser(
                        users,
                        "consulta@demo.nexo",
                        () -> valuation.receiveAllAtCost(
                                List.of(new CostedEntry(StockEntry.of(article, warehouse, d("1"), "x"), d("1"))))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("0");
    }

    /** The batch's refusal is the one a transaction of one-by-one receipts ends with. */
    private void assertRefused(List<CostedEntry> entries, String key) {
        assertThatThrownBy(() -> fixtures.asAdmin(() -> new TransactionTemplate(transactions).execute(status -> {
                    entries.forEach(costed -> valuation.receiveAtCost(costed.entry(), costed.unitCost()));
                    return null;
                })))
                .isInstanceOfSatisfying(
                        ArticleRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
        assertThatThrownBy(() -> fixtures.asAdmin(() -> valuation.receiveAllAtCost(entries)))
                .isInstanceOfSatisfying(
                        ArticleRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    private Map<UUID, Long> versions(Twins... all) {
        Map<UUID, Long> versions = new java.util.HashMap<>();
        for (Twins twins : all) {
            for (UUID article : twins.all()) {
                versions.put(
                        article,
                        fixtures.asAdmin(() -> articles.getForm(article).version()));
            }
        }
        return versions;
    }

    private Map<UUID, CostChange> changesByMovement(Twins twins) {
        return twins.all().stream()
                .flatMap(article -> fixtures.asAdmin(() -> valuation.costHistory(article, 50)).stream())
                .filter(change -> change.movementId() != null)
                .collect(Collectors.toMap(CostChange::movementId, Function.identity()));
    }

    private BigDecimal cost(UUID article) {
        return fixtures.asAdmin(() -> articles.getForm(article).cost());
    }

    private BigDecimal onHand(UUID article, UUID warehouse) {
        return fixtures.asAdmin(() -> stock.position(article, warehouse).onHand());
    }
}
