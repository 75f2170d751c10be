package com.nexo.articles.imports;

import static com.nexo.imports.TargetRuns.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.TargetRuns;
import com.nexo.imports.UndoOutcome;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The stock's import targets against the real database, as the demo tenant's administrator:
 * replenishment levels and opening stock, their refusals, dry runs, undo and another tenant.
 */
@NexoSpringTest
class StockImportTargetsTest {

    private static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcClient jdbc;

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
    private ReplenishmentService replenishment;

    @Autowired
    private StockLevelImportTarget levels;

    @Autowired
    private OpeningStockImportTarget openingStock;

    @Autowired
    private ArticleImportTarget articleImportTarget;

    private ArticleFixtures fixtures;
    private TargetRuns runs;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
        runs = new TargetRuns(users, transactions, jdbc, ArticleFixtures.ADMIN);
    }

    private String codeOf(UUID article) {
        return runs.query("SELECT code FROM article WHERE id = :id", Map.of("id", article), String.class);
    }

    private String warehouseCode(UUID warehouse) {
        return runs.query("SELECT code FROM warehouse WHERE id = :id", Map.of("id", warehouse), String.class);
    }

    private BigDecimal onHand(UUID article, UUID warehouse) {
        return fixtures.asAdmin(() -> stock.position(article, warehouse).onHand());
    }

    private List<RowOutcome> levels(boolean write, List<Map<String, Object>> rows) {
        return runs.apply(levels, StockRows.ARTICLE, write, rows);
    }

    private List<RowOutcome> opening(boolean write, List<Map<String, Object>> rows) {
        return runs.apply(openingStock, StockRows.ARTICLE, write, rows);
    }

    private static Map<String, Object> level(String article, String warehouse, String min, String max) {
        return row(
                "article",
                article,
                "warehouse",
                warehouse,
                "minimum",
                new BigDecimal(min),
                "maximum",
                new BigDecimal(max));
    }

    @Test
    void levels_are_created_updated_left_unchanged_and_refused_by_the_dialogs_rules() {
        UUID w1 = fixtures.warehouse(false);
        UUID w2 = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        UUID service = fixtures.article(null, "ud", ArticleKind.SERVICE, false);
        String a = codeOf(article);
        String one = warehouseCode(w1);
        String two = warehouseCode(w2);

        List<RowOutcome> dry = levels(false, List.of(level(a, one, "5", "10"), level(a, two, "1", "2")));
        assertThat(dry).extracting(RowOutcome::action).containsExactly(RowAction.CREATED, RowAction.CREATED);
        assertThat(fixtures.asAdmin(() -> replenishment.levels(article, w1))).isEmpty();

        List<RowOutcome> first = levels(true, List.of(level(a, one, "5", "10"), level(a, two, "1", "2")));
        assertThat(first).extracting(RowOutcome::action).containsExactly(RowAction.CREATED, RowAction.CREATED);
        assertThat(first).extracting(RowOutcome::entityId).containsOnly(article);

        List<RowOutcome> second = levels(
                true,
                List.of(
                        level(a, one, "5.000", "10"),
                        level(a, two, "3", "8"),
                        level(a, one, "1", "1"),
                        level(a, "NOPE-" + fixtures.tag, "1", "2"),
                        level("NOPE-" + fixtures.tag, one, "1", "2"),
                        level(codeOf(service), one, "1", "2"),
                        level(a, two, "4", "3"),
                        level(a, two, "-1", "3")));

        assertThat(second.subList(0, 2))
                .extracting(RowOutcome::action)
                .containsExactly(RowAction.UNCHANGED, RowAction.UPDATED);
        assertThat(second.subList(2, 8))
                .extracting(o -> o.refusal().field() + " " + o.refusal().messageKey())
                .containsExactly(
                        "warehouse imports.stock.error.pair-repeated",
                        "warehouse imports.stock.error.warehouse-unknown",
                        "article imports.stock.error.article-unknown",
                        "article stock.error.not-stock-tracked",
                        "maximum stock.error.levels-invalid",
                        "minimum stock.error.levels-invalid");
        assertThat(second.get(2).refusal().args()).containsExactly("2");
        var updatedLevel =
                fixtures.asAdmin(() -> replenishment.levels(article, w2)).orElseThrow();
        assertThat(updatedLevel.minimum()).isEqualByComparingTo("3");
        assertThat(updatedLevel.maximum()).isEqualByComparingTo("8");

        // Undo: the update goes back to 1-2; the created level in w1, changed by hand since, stays
        // unless confirmed.
        fixtures.asAdmin(() -> {
            replenishment.setLevels(article, w1, new BigDecimal("6"), new BigDecimal("10"));
            return null;
        });
        List<RowOutcome> both = new ArrayList<>(first.subList(0, 1));
        both.add(second.get(1));
        assertThat(runs.undo(levels, both, false, true))
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.CHANGED_LATER, UndoOutcome.Result.RESTORED);
        assertThat(fixtures.asAdmin(() -> replenishment.levels(article, w2))
                        .orElseThrow()
                        .minimum())
                .isEqualByComparingTo("1");
        assertThat(runs.undo(levels, both.subList(0, 1), true, true))
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.DELETED);
        assertThat(fixtures.asAdmin(() -> replenishment.levels(article, w1))).isEmpty();
        assertThat(runs.undo(levels, both.subList(0, 1), true, true))
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.GONE);
    }

    @Test
    void opening_stock_sets_on_hand_through_the_ledger_and_undo_writes_the_counter_movement() {
        UUID warehouse = fixtures.warehouse(false);
        UUID other = fixtures.warehouse(false);
        UUID stocked = fixtures.article(null, "ud");
        UUID fresh = fixtures.article(null, "ud");
        UUID costed = fixtures.article(null, "ud");
        fixtures.asAdmin(() -> stock.receive(StockEntry.of(stocked, warehouse, new BigDecimal("5"), "delivery")));
        String w = warehouseCode(warehouse);
        List<Map<String, Object>> rows = List.of(
                row("article", codeOf(stocked), "warehouse", w, "quantity", new BigDecimal("12")),
                row("article", codeOf(fresh), "warehouse", w, "quantity", new BigDecimal("3.5")),
                row("article", codeOf(fresh), "warehouse", warehouseCode(other), "quantity", BigDecimal.ZERO),
                row(
                        "article",
                        codeOf(costed),
                        "warehouse",
                        w,
                        "quantity",
                        new BigDecimal("10"),
                        "unitCost",
                        new BigDecimal("3")),
                row("article", codeOf(stocked), "warehouse", w, "quantity", BigDecimal.ONE),
                row("article", codeOf(fresh), "warehouse", warehouseCode(other), "quantity", new BigDecimal("-1")));

        List<RowOutcome> dry = opening(false, rows);
        assertThat(onHand(stocked, warehouse)).isEqualByComparingTo("5");

        List<RowOutcome> imported = opening(true, rows);

        assertThat(imported)
                .extracting(RowOutcome::action)
                .containsExactlyElementsOf(dry.stream().map(RowOutcome::action).toList());
        assertThat(imported)
                .extracting(RowOutcome::action)
                .containsExactly(
                        RowAction.UPDATED,
                        RowAction.UPDATED,
                        RowAction.UNCHANGED,
                        RowAction.UPDATED,
                        RowAction.REFUSED,
                        RowAction.REFUSED);
        assertThat(imported.get(4).refusal().messageKey()).isEqualTo("imports.stock.error.pair-repeated");
        assertThat(imported.get(5).refusal().messageKey()).isEqualTo("stock.error.count-negative");
        assertThat(onHand(stocked, warehouse)).isEqualByComparingTo("12");
        assertThat(onHand(fresh, warehouse)).isEqualByComparingTo("3.5");
        assertThat(onHand(costed, warehouse)).isEqualByComparingTo("10");
        assertThat(fixtures.asAdmin(() -> stock.onHandFromLedger(stocked, warehouse)))
                .isEqualByComparingTo("12");
        assertThat(runs.query(
                        "SELECT movement_type || ' ' || quantity::text || ' ' || reason || ' ' || source_type FROM stock_movement WHERE id = :id",
                        Map.of("id", imported.getFirst().entityId()),
                        String.class))
                .isEqualTo("adjustment 7.000000 opening-stock import");
        // Received at cost: the article's cost is the unit cost (nothing was on hand before).
        assertThat(fixtures.asAdmin(() -> articles.getForm(costed)).cost()).isEqualByComparingTo("3");

        assertThat(opening(true, rows.subList(0, 4)))
                .extracting(RowOutcome::action)
                .containsOnly(RowAction.UNCHANGED);

        // Stock of one article moves after the import: its undo is left alone unless confirmed.
        fixtures.asAdmin(() -> stock.receive(StockEntry.of(fresh, warehouse, BigDecimal.ONE, "late delivery")));
        List<UndoOutcome> undone = runs.undo(openingStock, imported, false, true);
        assertThat(undone)
                .extracting(UndoOutcome::result)
                .containsExactly(
                        UndoOutcome.Result.RESTORED, UndoOutcome.Result.CHANGED_LATER, UndoOutcome.Result.RESTORED);
        assertThat(onHand(stocked, warehouse)).isEqualByComparingTo("5");
        assertThat(onHand(costed, warehouse)).isEqualByComparingTo("0");
        assertThat(onHand(fresh, warehouse)).isEqualByComparingTo("4.5");
        assertThat(fixtures.asAdmin(() -> stock.onHandFromLedger(stocked, warehouse)))
                .isEqualByComparingTo("5");

        // Confirmed: the counter movement of the changed pair is written; the movement stays in the ledger.
        assertThat(runs.undo(openingStock, imported.subList(1, 2), true, true))
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.RESTORED);
        assertThat(onHand(fresh, warehouse)).isEqualByComparingTo("1");
    }

    @Test
    void another_tenant_cannot_reach_the_demo_tenants_articles_or_warehouses_by_code() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        String a = codeOf(article);
        String w = warehouseCode(warehouse);
        TargetRuns northwind = runs.as(NORTHWIND_ADMIN);

        List<RowOutcome> theirLevels = northwind.apply(levels, StockRows.ARTICLE, true, List.of(level(a, w, "1", "2")));
        List<RowOutcome> theirStock = northwind.apply(
                openingStock,
                StockRows.ARTICLE,
                true,
                List.of(row("article", a, "warehouse", w, "quantity", BigDecimal.TEN)));

        assertThat(theirLevels.getFirst().refusal().messageKey()).isEqualTo("imports.stock.error.article-unknown");
        assertThat(theirStock.getFirst().refusal().messageKey()).isEqualTo("imports.stock.error.article-unknown");
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("0");

        // The demo tenant's own import, undone from Northwind, finds nothing there.
        List<RowOutcome> ours = opening(true, List.of(row("article", a, "warehouse", w, "quantity", BigDecimal.TEN)));
        assertThat(northwind.undo(openingStock, ours, true, true))
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.GONE);
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("10");
    }

    @Test
    void prints_the_time_of_a_batch_of_five_thousand_opening_stock_rows() {
        UUID warehouse = fixtures.warehouse(false);
        String w = warehouseCode(warehouse);
        List<Map<String, Object>> catalogue = new ArrayList<>();
        String prefix = "OS-" + fixtures.tag + "-";
        for (int i = 0; i < 5_000; i++) {
            catalogue.add(row("code", prefix + i, "name", "Stock " + i));
        }
        // The articles come from the catalogue's own import (one batch).
        runs.apply(articleImportTarget, ArticleImportTarget.CODE, true, catalogue);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(row("article", prefix + i, "warehouse", w, "quantity", BigDecimal.valueOf(i % 97 + 1)));
        }
        long start = System.nanoTime();
        List<RowOutcome> imported = opening(true, rows);
        long ms = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<UndoOutcome> undone = runs.undo(openingStock, imported, false, true);
        long undoMs = (System.nanoTime() - start) / 1_000_000;
        List<Map<String, Object>> levelRows = rows.stream()
                .map(r -> level((String) r.get("article"), w, "1", "100"))
                .toList();
        start = System.nanoTime();
        List<RowOutcome> levelled = levels(true, levelRows);
        long levelsMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(imported).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.UPDATED));
        assertThat(undone).allSatisfy(o -> assertThat(o.result()).isEqualTo(UndoOutcome.Result.RESTORED));
        assertThat(levelled).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.CREATED));
        System.out.printf(
                "opening stock, 5,000 rows in one batch: apply %d ms, undo %d ms; replenishment levels, 5,000 rows: %d ms%n",
                ms, undoMs, levelsMs);
    }
}
