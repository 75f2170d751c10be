package com.nexo.articles.counts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.catalogue.Ean13;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.MovementType;
import com.nexo.articles.stock.ReservationRequest;
import com.nexo.articles.stock.ReservationService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Stock counts and replenishment through the services, on the real database. */
@NexoSpringTest
class CountAndReplenishmentIntegrationTest {

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

    @Autowired
    private StockCountService counts;

    @Autowired
    private CountListService countLists;

    @Autowired
    private ReplenishmentService replenishment;

    @Autowired
    private com.nexo.accounts.account.AccountService accounts;

    private static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    private ArticleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    private void receive(UUID article, UUID warehouse, String quantity) {
        fixtures.asAdmin(() -> stock.receive(StockEntry.of(article, warehouse, qty(quantity), "test")));
    }

    private BigDecimal onHand(UUID article, UUID warehouse) {
        return fixtures.asAdmin(() -> stock.position(article, warehouse)).onHand();
    }

    @Test
    void posting_a_count_writes_the_differences_as_adjustments_and_keeps_movements_made_meanwhile() {
        UUID warehouse = fixtures.warehouse(false);
        UUID screws = fixtures.article(null, "ud");
        UUID nuts = fixtures.article(null, "ud");
        UUID bolts = fixtures.article(null, "ud");
        receive(screws, warehouse, "10");
        receive(nuts, warehouse, "5");
        receive(bolts, warehouse, "7");

        UUID count = fixtures.asAdmin(() -> counts.startCount(warehouse, null));
        assertThat(fixtures.asAdmin(() -> countLists
                        .lines(count, CountLineFilter.ALL, null, null, 100)
                        .rows()))
                .extracting(CountLine::articleId)
                .containsExactlyInAnyOrder(screws, nuts, bolts);
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, screws, qty("8"));
            counts.enterCounted(count, nuts, qty("5"));
            return null;
        });
        // Two screws arrive while the count is open: the count's difference must not undo them.
        receive(screws, warehouse, "2");

        List<CountLine> differences = fixtures.asAdmin(() -> countLists
                .lines(count, CountLineFilter.DIFFERENCES, null, null, 100)
                .rows());
        assertThat(differences).singleElement().satisfies(line -> {
            assertThat(line.articleId()).isEqualTo(screws);
            assertThat(line.difference()).isEqualByComparingTo("-2");
        });

        int posted = fixtures.asAdmin(() -> counts.post(count));

        assertThat(posted).isEqualTo(1);
        assertThat(onHand(screws, warehouse)).isEqualByComparingTo("10");
        assertThat(onHand(nuts, warehouse)).isEqualByComparingTo("5");
        assertThat(onHand(bolts, warehouse)).isEqualByComparingTo("7");
        MovementRow adjustment = fixtures.asAdmin(
                        () -> stockLists.movements(screws, warehouse, null, 1).rows())
                .getFirst();
        assertThat(adjustment.type()).isEqualTo(MovementType.ADJUSTMENT);
        assertThat(adjustment.sourceType()).isEqualTo("stock-count");
        assertThat(adjustment.sourceRef()).isEqualTo(count.toString());
        assertThatThrownBy(() -> fixtures.asAdmin(() -> counts.post(count))).hasMessage("stock.error.count-not-open");
        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    counts.enterCounted(count, nuts, qty("1"));
                    return null;
                }))
                .hasMessage("stock.error.count-not-open");
    }

    @Test
    void a_count_that_cannot_post_every_line_posts_none() {
        UUID warehouse = fixtures.warehouse(false);
        UUID first = fixtures.article(null, "ud");
        UUID second = fixtures.article(null, "ud");
        receive(first, warehouse, "3");
        receive(second, warehouse, "3");
        UUID count = fixtures.asAdmin(() -> counts.startCount(warehouse, null));
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, first, qty("4"));
            counts.enterCounted(count, second, qty("0"));
            return null;
        });
        // The second article leaves the warehouse before posting: -3 more would go below zero.
        fixtures.asAdmin(() -> stock.issue(StockEntry.of(second, warehouse, qty("3"), "sold")));

        assertThatThrownBy(() -> fixtures.asAdmin(() -> counts.post(count))).hasMessage("stock.error.insufficient");

        assertThat(onHand(first, warehouse)).isEqualByComparingTo("3");
        assertThat(fixtures.asAdmin(() -> countLists.counts(warehouse, null, 10).rows()))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.status()).isEqualTo("open");
                    assertThat(summary.lines()).isEqualTo(2);
                    assertThat(summary.counted()).isEqualTo(2);
                });
    }

    @Test
    void a_count_of_a_category_lists_the_subtree_articles_even_without_stock() {
        UUID warehouse = fixtures.warehouse(false);
        UUID top = fixtures.category(null, "Top");
        UUID sub = fixtures.category(top, "Sub");
        UUID inTop = fixtures.article(top, "ud");
        UUID inSub = fixtures.article(sub, "ud");
        fixtures.article(null, "ud");
        receive(inTop, warehouse, "2");

        UUID count = fixtures.asAdmin(() -> counts.startCount(warehouse, top));

        assertThat(fixtures.asAdmin(() -> countLists
                        .lines(count, CountLineFilter.ALL, null, null, 100)
                        .rows()))
                .extracting(CountLine::articleId, CountLine::expected)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(inTop, qty("2.000000")),
                        org.assertj.core.groups.Tuple.tuple(inSub, qty("0.000000")));
    }

    @Test
    void a_count_reads_back_with_its_figures_and_its_lines_filter_and_search_by_code_or_barcode() {
        UUID warehouse = fixtures.warehouse(false);
        UUID same = fixtures.article(null, "ud");
        UUID more = fixtures.article(null, "ud");
        UUID notCounted = fixtures.article(null, "ud");
        String barcode =
                Ean13.complete(Long.toString(100_000_000_000L + Math.floorMod(System.nanoTime(), 899_999_999_999L)));
        UUID unit = fixtures.unit("ud");
        UUID scanned = fixtures.asAdmin(() -> articles.createArticle(new ArticleForm(
                "B-" + fixtures.tag,
                ArticleKind.GOODS,
                "Escaneado",
                "Scanned",
                null,
                null,
                null,
                unit,
                barcode,
                qty("1"),
                qty("1"),
                qty("21"),
                null,
                true)));
        for (UUID article : List.of(same, more, notCounted, scanned)) {
            receive(article, warehouse, "4");
        }
        UUID count = fixtures.asAdmin(() -> counts.startCount(warehouse, null));
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, same, qty("4"));
            counts.enterCounted(count, more, qty("6"));
            counts.enterCounted(count, scanned, qty("3"));
            return null;
        });

        StockCountSummary summary =
                fixtures.asAdmin(() -> countLists.count(count)).orElseThrow();
        assertThat(summary.status()).isEqualTo(StockCountSummary.OPEN);
        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.counted()).isEqualTo(3);
        assertThat(summary.uncounted()).isEqualTo(1);
        assertThat(summary.differences()).isEqualTo(2);
        assertThat(summary.startedByName()).isNotBlank();
        assertThat(summary.lastEntryAt()).isNotNull();
        assertThat(fixtures.asAdmin(() -> countLists.count(UUID.randomUUID()))).isEmpty();

        assertThat(fixtures.asAdmin(() -> countLists
                        .lines(count, CountLineFilter.DIFFERENCES, null, null, 10)
                        .rows()))
                .extracting(CountLine::articleId)
                .containsExactlyInAnyOrder(more, scanned);
        assertThat(fixtures.asAdmin(() -> countLists
                        .lines(count, CountLineFilter.REVIEW, null, null, 10)
                        .rows()))
                .extracting(CountLine::articleId)
                .containsExactlyInAnyOrder(more, scanned, notCounted);
        assertThat(fixtures.asAdmin(() -> countLists.countLines(count, CountLineFilter.ALL, null)))
                .isEqualTo(4);
        assertThat(fixtures.asAdmin(() -> countLists.countLines(count, CountLineFilter.REVIEW, null)))
                .isEqualTo(3);
        assertThat(fixtures.asAdmin(() -> countLists
                        .lines(count, CountLineFilter.ALL, barcode, null, 10)
                        .rows()))
                .extracting(CountLine::articleId)
                .containsExactly(scanned);
        assertThat(fixtures.asAdmin(() -> countLists.countLines(count, CountLineFilter.ALL, "b-" + fixtures.tag)))
                .isEqualTo(1);

        assertThat(fixtures.asAdmin(() -> countLists.findLine(count, barcode)))
                .hasValueSatisfying(line -> assertThat(line.articleId()).isEqualTo(scanned));
        assertThat(fixtures.asAdmin(() -> countLists.findLine(count, " b-" + fixtures.tag.toLowerCase() + " ")))
                .hasValueSatisfying(line -> assertThat(line.counted()).isEqualByComparingTo("3"));
        assertThat(fixtures.asAdmin(() -> countLists.findLine(count, "B-"))).isEmpty();
        UUID found = fixtures.article(null, "ud");
        String foundCode =
                fixtures.asAdmin(() -> articles.loadArticle(found)).form().code();
        assertThat(fixtures.asAdmin(() -> counts.addScanned(count, foundCode.toLowerCase())))
                .hasValueSatisfying(line -> {
                    assertThat(line.articleId()).isEqualTo(found);
                    assertThat(line.expected()).isEqualByComparingTo("0");
                    assertThat(line.isCounted()).isFalse();
                });
        assertThat(fixtures.asAdmin(() -> counts.addScanned(count, "NO-SUCH-" + fixtures.tag)))
                .isEmpty();
        assertThat(fixtures.asAdmin(() -> warehouses.activeWarehouses()))
                .extracting(WarehouseRow::id)
                .contains(warehouse);
    }

    @Test
    void posting_what_was_reviewed_is_refused_when_a_quantity_was_entered_after_the_review() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, warehouse, "5");
        UUID count = fixtures.asAdmin(() -> counts.startCount(warehouse, null));
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, article, qty("4"));
            return null;
        });
        StockCountSummary reviewed =
                fixtures.asAdmin(() -> countLists.count(count)).orElseThrow();
        // Someone else corrects the quantity while the first person reads the confirmation.
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, article, qty("2"));
            return null;
        });

        assertThatThrownBy(() -> fixtures.asAdmin(() -> counts.post(count, reviewed.lastEntryAt())))
                .hasMessage("stock.error.count-changed");
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("5");

        StockCountSummary current =
                fixtures.asAdmin(() -> countLists.count(count)).orElseThrow();
        assertThat(fixtures.asAdmin(() -> counts.post(count, current.lastEntryAt())))
                .isEqualTo(1);
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("2");
        assertThat(fixtures.asAdmin(() -> countLists.count(count))).hasValueSatisfying(posted -> {
            assertThat(posted.status()).isEqualTo(StockCountSummary.POSTED);
            assertThat(posted.postedAt()).isNotNull();
        });
    }

    @Test
    void below_minimum_lists_what_to_order_up_to_the_maximum_with_the_supplier() {
        UUID warehouse = fixtures.warehouse(false);
        UUID low = fixtures.article(null, "ud");
        UUID enough = fixtures.article(null, "ud");
        UUID reservedAway = fixtures.article(null, "ud");
        receive(low, warehouse, "2");
        receive(enough, warehouse, "10");
        receive(reservedAway, warehouse, "10");
        fixtures.asAdmin(() -> {
            replenishment.setLevels(low, warehouse, qty("5"), qty("20"));
            replenishment.setLevels(enough, warehouse, qty("5"), qty("20"));
            replenishment.setLevels(reservedAway, warehouse, qty("5"), qty("20"));
            return reservations.reserve(
                    new ReservationRequest(reservedAway, warehouse, qty("8"), "sales-order", "R-" + fixtures.tag));
        });

        List<ReplenishmentRow> rows =
                fixtures.asAdmin(() -> replenishment.page(warehouse, null, 100).rows());

        assertThat(rows)
                .extracting(ReplenishmentRow::articleId, row -> row.toOrder().stripTrailingZeros())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(low, qty("18")),
                        org.assertj.core.groups.Tuple.tuple(reservedAway, qty("18")));
        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    replenishment.setLevels(low, warehouse, qty("5"), qty("4"));
                    return null;
                }))
                .hasMessage("stock.error.levels-invalid");
    }

    private List<ReplenishmentRow> below(UUID warehouse) {
        return fixtures.asAdmin(() -> replenishment.page(warehouse, null, 100).rows());
    }

    private void setLevels(UUID article, UUID warehouse, String minimum, String maximum) {
        fixtures.asAdmin(() -> {
            replenishment.setLevels(article, warehouse, qty(minimum), qty(maximum));
            return null;
        });
    }

    @Test
    void an_article_enters_and_leaves_the_list_as_its_stock_crosses_the_minimum() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");

        // A minimum set before any stock arrives: nothing on hand is below it.
        setLevels(article, warehouse, "5", "20");
        assertThat(below(warehouse)).singleElement().satisfies(row -> {
            assertThat(row.articleId()).isEqualTo(article);
            assertThat(row.onHand()).isEqualByComparingTo("0");
            assertThat(row.toOrder()).isEqualByComparingTo("20");
            assertThat(row.minimum()).isEqualByComparingTo("5");
            assertThat(row.maximum()).isEqualByComparingTo("20");
        });

        receive(article, warehouse, "5");
        assertThat(below(warehouse)).as("available equal to the minimum").isEmpty();

        fixtures.asAdmin(() -> stock.issue(StockEntry.of(article, warehouse, qty("1"), "sold")));
        assertThat(below(warehouse))
                .extracting(ReplenishmentRow::articleId, row -> row.toOrder().stripTrailingZeros())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(article, qty("16")));

        receive(article, warehouse, "10");
        assertThat(below(warehouse)).isEmpty();

        // Reserving lowers what is available, and that is what the minimum is compared with.
        UUID reservation = fixtures.asAdmin(() -> reservations.reserve(
                new ReservationRequest(article, warehouse, qty("11"), "sales-order", "RQ-" + fixtures.tag)));
        assertThat(below(warehouse)).singleElement().satisfies(row -> {
            assertThat(row.available()).isEqualByComparingTo("3");
            assertThat(row.toOrder()).isEqualByComparingTo("17");
        });
        fixtures.asAdmin(() -> {
            reservations.release(reservation);
            return null;
        });
        assertThat(below(warehouse)).isEmpty();

        // A higher minimum brings it back; removing the levels or archiving the article takes it out.
        setLevels(article, warehouse, "30", "40");
        assertThat(below(warehouse)).extracting(ReplenishmentRow::articleId).containsExactly(article);
        fixtures.asAdmin(() -> {
            articles.archiveArticle(article);
            return null;
        });
        assertThat(below(warehouse)).as("archived").isEmpty();
        fixtures.asAdmin(() -> {
            articles.restoreArticle(article);
            return null;
        });
        assertThat(below(warehouse)).extracting(ReplenishmentRow::articleId).containsExactly(article);
        fixtures.asAdmin(() -> {
            replenishment.removeLevels(article, warehouse);
            return null;
        });
        assertThat(below(warehouse)).isEmpty();
        assertThat(fixtures.asAdmin(() -> replenishment.levels(article, warehouse)))
                .isEmpty();
        assertThat(fixtures.asAdmin(() -> replenishment.countBelowMinimum(warehouse)))
                .isZero();
    }

    @Test
    void the_quantity_to_order_is_rounded_up_to_whole_units_and_names_the_default_supplier() {
        UUID warehouse = fixtures.warehouse(false);
        // The demo tenant's steel supplier (an account with the supplier role).
        UUID supplier = UUID.fromString("0195f3a0-0000-7000-8000-0000000000d1");
        ArticleForm plain =
                ArticleFixtures.form("S" + fixtures.tag, fixtures.unit("ud"), null, ArticleKind.GOODS, true);
        ArticleForm form = new ArticleForm(
                plain.code(),
                plain.kind(),
                plain.nameEs(),
                plain.nameEn(),
                plain.descriptionEs(),
                plain.descriptionEn(),
                plain.categoryId(),
                plain.unitId(),
                plain.barcode(),
                plain.salePrice(),
                plain.cost(),
                plain.taxRate(),
                supplier,
                plain.stockTracked());
        UUID article = fixtures.asAdmin(() -> articles.createArticle(form));
        receive(article, warehouse, "2");
        setLevels(article, warehouse, "5", "10.5");

        assertThat(below(warehouse)).singleElement().satisfies(row -> {
            assertThat(row.toOrder()).isEqualByComparingTo("9");
            assertThat(row.unitCode()).isEqualTo("ud");
            assertThat(row.defaultSupplierId()).isEqualTo(supplier);
            assertThat(row.supplierName())
                    .isEqualTo(fixtures.asAdmin(() -> accounts.getForm(supplier).getLegalName()));
            assertThat(row.articleName(java.util.Locale.ENGLISH)).isEqualTo("Article " + form.code());
            assertThat(row.articleName(java.util.Locale.forLanguageTag("es"))).isEqualTo("Artículo " + form.code());
        });
        assertThat(fixtures.asAdmin(() -> replenishment.levels(article, warehouse)))
                .hasValueSatisfying(levels -> {
                    assertThat(levels.minimum()).isEqualByComparingTo("5");
                    assertThat(levels.maximum()).isEqualByComparingTo("10.5");
                });
    }

    @Test
    void small_and_large_keyset_pages_give_the_same_rows_in_code_and_warehouse_order() {
        UUID first = fixtures.warehouse(false);
        UUID second = fixtures.warehouse(false);
        List<UUID> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID article = fixtures.article(null, "ud");
            mine.add(article);
            setLevels(article, first, "1", "3");
            setLevels(article, second, "1", "3");
        }

        // One warehouse: 5 rows, by code, the same in pages of 2 as in one page.
        List<ReplenishmentRow> onePage =
                fixtures.asAdmin(() -> replenishment.page(first, null, 100).rows());
        assertThat(onePage).extracting(ReplenishmentRow::articleId).containsExactlyElementsOf(mine);
        assertThat(keysetPages(first, 2)).isEqualTo(onePage);
        assertThat(fixtures.asAdmin(() -> replenishment.countBelowMinimum(first)))
                .isEqualTo(5);

        // Every warehouse: the whole list (the demo's rows and other tests' too) read both ways.
        List<ReplenishmentRow> all = keysetPages(null, 1000);
        assertThat(keysetPages(null, 7)).isEqualTo(all);
        assertThat(fixtures.asAdmin(() -> replenishment.countBelowMinimum(null)))
                .isEqualTo(all.size());
        List<ReplenishmentRow> ours =
                all.stream().filter(row -> mine.contains(row.articleId())).toList();
        List<UUID> warehousesInOrder = first.compareTo(second) < 0 ? List.of(first, second) : List.of(second, first);
        assertThat(ours).hasSize(10);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).articleId()).isEqualTo(mine.get(i / 2));
            assertThat(ours.get(i).warehouseId()).isEqualTo(warehousesInOrder.get(i % 2));
        }
    }

    private List<ReplenishmentRow> keysetPages(UUID warehouse, int size) {
        List<ReplenishmentRow> rows = new java.util.ArrayList<>();
        com.nexo.base.paging.PageCursor after = null;
        while (true) {
            com.nexo.base.paging.PageCursor from = after;
            com.nexo.base.paging.Page<ReplenishmentRow> page =
                    fixtures.asAdmin(() -> replenishment.page(warehouse, from, size));
            rows.addAll(page.rows());
            if (!page.hasMore()) {
                return rows;
            }
            after = page.next();
        }
    }

    @Test
    void another_tenant_neither_sees_nor_shows_rows_below_minimum() {
        UUID demoWarehouse = fixtures.warehouse(false);
        UUID demoArticle = fixtures.article(null, "ud");
        setLevels(demoArticle, demoWarehouse, "5", "10");

        UUID[] northwind = LoggedIn.asUser(users, NORTHWIND_ADMIN, () -> {
            UUID warehouse = warehouses.createWarehouse(new WarehouseForm(
                    "NW" + fixtures.tag.substring(0, Math.min(10, fixtures.tag.length())),
                    "Northwind",
                    null,
                    false,
                    true));
            UUID unit = units.listUnits().stream()
                    .filter(u -> u.getCode().equals("ud"))
                    .findFirst()
                    .orElseThrow()
                    .getId();
            UUID article = articles.createArticle(
                    ArticleFixtures.form("NW-" + fixtures.tag, unit, null, ArticleKind.GOODS, true));
            replenishment.setLevels(article, warehouse, qty("5"), qty("10"));
            return new UUID[] {warehouse, article};
        });

        List<ReplenishmentRow> seenByNorthwind = LoggedIn.asUser(
                users,
                NORTHWIND_ADMIN,
                () -> replenishment.page(null, null, 1000).rows());
        assertThat(seenByNorthwind).extracting(ReplenishmentRow::articleId).contains(northwind[1]);
        assertThat(seenByNorthwind).extracting(ReplenishmentRow::articleId).doesNotContain(demoArticle);
        assertThat(LoggedIn.asUser(
                        users,
                        NORTHWIND_ADMIN,
                        () -> replenishment.page(demoWarehouse, null, 10).rows()))
                .isEmpty();
        assertThat(LoggedIn.asUser(users, NORTHWIND_ADMIN, () -> replenishment.levels(demoArticle, demoWarehouse)))
                .isEmpty();

        assertThat(below(northwind[0])).isEmpty();
        assertThat(fixtures.asAdmin(() -> replenishment.countBelowMinimum(northwind[0])))
                .isZero();
        assertThat(fixtures.asAdmin(() -> replenishment.levels(northwind[1], northwind[0])))
                .isEmpty();
        // Setting levels for another tenant's article is refused as "not found", not written.
        assertThatThrownBy(() -> setLevels(northwind[1], demoWarehouse, "1", "2"))
                .hasMessage("articles.error.not-found");
    }

    @Test
    void the_export_writes_the_warehouse_list_with_the_headers_given_in_the_readers_conventions() {
        UUID warehouse = fixtures.warehouse(false);
        UUID article = fixtures.article(null, "ud");
        receive(article, warehouse, "2");
        setLevels(article, warehouse, "4", "6");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        List<String> headers = List.of(
                "Code",
                "Article",
                "Warehouse",
                "Unit",
                "On hand",
                "Reserved",
                "Available",
                "Incoming",
                "Minimum",
                "Maximum",
                "To order",
                "Supplier");

        long written = fixtures.asAdmin(() ->
                replenishment.exportCsv(warehouse, headers, java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC, out));

        String[] lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(written).isOne();
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .isEqualTo(
                        "\uFEFFCode,Article,Warehouse,Unit,On hand,Reserved,Available,Incoming,Minimum,Maximum,To order,"
                                + "Supplier");
        assertThat(lines[1]).startsWith(below(warehouse).getFirst().articleCode() + ",");
        assertThat(lines[1]).contains(",ud,2,0,2,0,4,6,4,");
    }
}
