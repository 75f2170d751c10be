package com.nexo.sales.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.LineForm;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
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
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The back-order list: lines of confirmed orders whose quantity is neither delivered nor reserved,
 * with the reserved part read from the articles module's reservations; paged by key.
 */
@NexoSpringTest
class BackOrderServiceTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AccountService accounts;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private BackOrderService backOrders;

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

    private SalesListFixtures fixtures;
    private ArticleFixtures articleFixtures;

    @BeforeEach
    void setUp() {
        fixtures = new SalesListFixtures(users, accounts, documents);
        articleFixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
    }

    @Test
    void lines_not_covered_by_stock_are_back_ordered_until_delivered_or_reserved() {
        UUID warehouse = articleFixtures.warehouse(false);
        UUID scarce = articleFixtures.article(null, "ud");
        UUID plenty = articleFixtures.article(null, "ud");
        articleFixtures.asAdmin(() -> stock.receive(StockEntry.of(scarce, warehouse, new BigDecimal("3"), "test")));
        articleFixtures.asAdmin(() -> stock.receive(StockEntry.of(plenty, warehouse, new BigDecimal("50"), "test")));
        UUID client = fixtures.client("Pendiente");
        UUID order = order(client, warehouse, fixtures.articleLine(scarce, "5"), fixtures.articleLine(plenty, "4"));
        int backOrderedLines = fixtures.asSales(() -> flow.confirm(order));
        assertThat(backOrderedLines).isEqualTo(1);

        List<BackOrderRow> rows = ofOrder(order);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.articleId()).isEqualTo(scarce);
            assertThat(row.clientName()).startsWith("Pendiente");
            assertThat(row.ordered()).isEqualByComparingTo("5");
            assertThat(row.delivered()).isEqualByComparingTo("0");
            assertThat(row.reserved()).isEqualByComparingTo("3");
            assertThat(row.backOrdered()).isEqualByComparingTo("2");
        });
        Map<UUID, BigDecimal> perLine = fixtures.asSales(() -> backOrders.backOrdered(order));
        assertThat(perLine).hasSize(2);
        assertThat(perLine.values())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2"), BigDecimal.ZERO);

        // Deliver what is reserved: 3 delivered, nothing reserved, still 2 back-ordered.
        UUID scarceLine = perLine.keySet().iterator().next();
        fixtures.asSales(() -> flow.deliver(order, Map.of(scarceLine, new BigDecimal("3"))));
        assertThat(ofOrder(order)).singleElement().satisfies(row -> {
            assertThat(row.delivered()).isEqualByComparingTo("3");
            assertThat(row.reserved()).isEqualByComparingTo("0");
            assertThat(row.backOrdered()).isEqualByComparingTo("2");
        });

        // A draft order is not back-ordered, whatever its lines.
        UUID draft = order(client, warehouse, fixtures.articleLine(scarce, "9"));
        assertThat(ofOrder(draft)).isEmpty();
    }

    @Test
    void pages_skip_covered_lines_and_read_each_back_order_once() {
        UUID warehouse = articleFixtures.warehouse(false);
        UUID none = articleFixtures.article(null, "ud");
        UUID client = fixtures.client("Paginas pendientes");
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID order = order(client, warehouse, fixtures.articleLine(none, Integer.toString(i + 1)));
            fixtures.asSales(() -> flow.confirm(order));
            orders.add(order);
        }
        List<BackOrderRow> all = new ArrayList<>();
        PageCursor after = null;
        do {
            PageCursor cursor = after;
            Page<BackOrderRow> page = fixtures.asSales(() -> backOrders.page(cursor, 3));
            all.addAll(page.rows());
            after = page.next();
        } while (after != null);
        assertThat(all.stream().filter(row -> orders.contains(row.orderId())))
                .extracting(BackOrderRow::orderId)
                .containsExactlyElementsOf(orders);
        assertThat(all.stream().map(BackOrderRow::lineId).distinct().count()).isEqualTo(all.size());
    }

    private List<BackOrderRow> ofOrder(UUID order) {
        List<BackOrderRow> found = new ArrayList<>();
        PageCursor after = null;
        do {
            PageCursor cursor = after;
            Page<BackOrderRow> page = fixtures.asSales(() -> backOrders.page(cursor, 200));
            page.rows().stream().filter(row -> row.orderId().equals(order)).forEach(found::add);
            after = page.next();
        } while (after != null);
        return found;
    }

    private UUID order(UUID client, UUID warehouse, LineForm... lines) {
        return fixtures.asSales(() -> {
            DocumentForm form = documents.newForm(DocumentKind.ORDER, client);
            form.setDocumentDate(LocalDate.now());
            form.setWarehouseId(warehouse);
            form.setLines(List.of(lines));
            return documents.save(form);
        });
    }
}
