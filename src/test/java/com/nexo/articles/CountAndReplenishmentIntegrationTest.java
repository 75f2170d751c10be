package com.nexo.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private ReservationService reservations;

    @Autowired
    private StockCountService counts;

    @Autowired
    private ReplenishmentService replenishment;

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
        assertThat(fixtures.asAdmin(() -> counts.lines(count, false, 0, 100)))
                .extracting(CountLine::articleId)
                .containsExactlyInAnyOrder(screws, nuts, bolts);
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, screws, qty("8"));
            counts.enterCounted(count, nuts, qty("5"));
            return null;
        });
        // Two screws arrive while the count is open: the count's difference must not undo them.
        receive(screws, warehouse, "2");

        List<CountLine> differences = fixtures.asAdmin(() -> counts.lines(count, true, 0, 100));
        assertThat(differences).singleElement().satisfies(line -> {
            assertThat(line.articleId()).isEqualTo(screws);
            assertThat(line.difference()).isEqualByComparingTo("-2");
        });

        int posted = fixtures.asAdmin(() -> counts.post(count));

        assertThat(posted).isEqualTo(1);
        assertThat(onHand(screws, warehouse)).isEqualByComparingTo("10");
        assertThat(onHand(nuts, warehouse)).isEqualByComparingTo("5");
        assertThat(onHand(bolts, warehouse)).isEqualByComparingTo("7");
        MovementRow adjustment =
                fixtures.asAdmin(() -> stock.movements(screws, warehouse, 0, 1)).getFirst();
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
        assertThat(fixtures.asAdmin(() -> counts.counts(warehouse, 0, 10)))
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

        assertThat(fixtures.asAdmin(() -> counts.lines(count, false, 0, 100)))
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

        StockCountSummary summary = fixtures.asAdmin(() -> counts.count(count)).orElseThrow();
        assertThat(summary.status()).isEqualTo(StockCountSummary.OPEN);
        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.counted()).isEqualTo(3);
        assertThat(summary.uncounted()).isEqualTo(1);
        assertThat(summary.differences()).isEqualTo(2);
        assertThat(summary.startedByName()).isNotBlank();
        assertThat(summary.lastEntryAt()).isNotNull();
        assertThat(fixtures.asAdmin(() -> counts.count(UUID.randomUUID()))).isEmpty();

        assertThat(fixtures.asAdmin(() -> counts.lines(count, CountLineFilter.DIFFERENCES, null, 0, 10)))
                .extracting(CountLine::articleId)
                .containsExactlyInAnyOrder(more, scanned);
        assertThat(fixtures.asAdmin(() -> counts.lines(count, CountLineFilter.REVIEW, null, 0, 10)))
                .extracting(CountLine::articleId)
                .containsExactlyInAnyOrder(more, scanned, notCounted);
        assertThat(fixtures.asAdmin(() -> counts.countLines(count, CountLineFilter.ALL, null)))
                .isEqualTo(4);
        assertThat(fixtures.asAdmin(() -> counts.countLines(count, CountLineFilter.REVIEW, null)))
                .isEqualTo(3);
        assertThat(fixtures.asAdmin(() -> counts.lines(count, CountLineFilter.ALL, barcode, 0, 10)))
                .extracting(CountLine::articleId)
                .containsExactly(scanned);
        assertThat(fixtures.asAdmin(() -> counts.countLines(count, CountLineFilter.ALL, "b-" + fixtures.tag)))
                .isEqualTo(1);

        assertThat(fixtures.asAdmin(() -> counts.findLine(count, barcode)))
                .hasValueSatisfying(line -> assertThat(line.articleId()).isEqualTo(scanned));
        assertThat(fixtures.asAdmin(() -> counts.findLine(count, " b-" + fixtures.tag.toLowerCase() + " ")))
                .hasValueSatisfying(line -> assertThat(line.counted()).isEqualByComparingTo("3"));
        assertThat(fixtures.asAdmin(() -> counts.findLine(count, "B-"))).isEmpty();
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
        assertThat(fixtures.asAdmin(() -> counts.countableWarehouses()))
                .extracting(Warehouse::getId)
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
        StockCountSummary reviewed = fixtures.asAdmin(() -> counts.count(count)).orElseThrow();
        // Someone else corrects the quantity while the first person reads the confirmation.
        fixtures.asAdmin(() -> {
            counts.enterCounted(count, article, qty("2"));
            return null;
        });

        assertThatThrownBy(() -> fixtures.asAdmin(() -> counts.post(count, reviewed.lastEntryAt())))
                .hasMessage("stock.error.count-changed");
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("5");

        StockCountSummary current = fixtures.asAdmin(() -> counts.count(count)).orElseThrow();
        assertThat(fixtures.asAdmin(() -> counts.post(count, current.lastEntryAt())))
                .isEqualTo(1);
        assertThat(onHand(article, warehouse)).isEqualByComparingTo("2");
        assertThat(fixtures.asAdmin(() -> counts.count(count))).hasValueSatisfying(posted -> {
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

        List<ReplenishmentRow> rows = fixtures.asAdmin(() -> replenishment.belowMinimum(warehouse, 0, 100));

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
}
