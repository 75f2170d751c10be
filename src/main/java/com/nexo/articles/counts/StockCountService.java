package com.nexo.articles.counts;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.categories.ArticleCategory;
import com.nexo.articles.categories.CategoryRepository;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.stock.MovementType;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockLedger;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseRepository;
import com.nexo.base.Ids;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Physical stock counts: start one for a warehouse (or for one category's subtree in it), enter
 * counted quantities, review the differences and post them as adjustments in one transaction.
 *
 * <p>Each line remembers on hand at the start of the count ({@code expected}); posting writes
 * counted − expected, so movements made while the count was going on are kept on top of it.
 */
@Service
public class StockCountService {

    static final String SOURCE_TYPE = "stock-count";

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final WarehouseRepository warehouses;
    private final CategoryRepository categories;
    private final CountListService lists;

    StockCountService(
            JdbcClient jdbc,
            StockLedger ledger,
            WarehouseRepository warehouses,
            CategoryRepository categories,
            CountListService lists) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.ledger = ledger;
        this.warehouses = warehouses;
        this.categories = categories;
    }

    /** Starts the count the start dialog describes; see {@link #startCount(UUID, UUID)}. */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_COUNT)
    public UUID startCount(StartCountForm form) {
        if (form == null || form.warehouseId() == null) {
            throw new ArticleRuleException("stock.count.start.warehouse-required");
        }
        return startCount(form.warehouseId(), form.categoryId());
    }

    /**
     * Starts a count. Without a category it lists every stock-tracked article that has stock (or had
     * some) in the warehouse; with one, every active stock-tracked article of the category's subtree.
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_COUNT)
    public UUID startCount(UUID warehouseId, UUID categoryId) {
        Warehouse warehouse = warehouses
                .findById(warehouseId)
                .orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
        UUID countId = Ids.newId();
        jdbc.sql("INSERT INTO stock_count (id, warehouse_id, category_id) VALUES (:id, :w, :c)")
                .param("id", countId)
                .param("w", warehouse.getId())
                .param("c", categoryId, java.sql.Types.OTHER)
                .update();
        if (categoryId == null) {
            jdbc.sql("""
                            INSERT INTO stock_count_line (id, count_id, article_id, expected)
                            SELECT gen_random_uuid(), :count, b.article_id, b.on_hand
                              FROM stock_balance b
                              JOIN article a ON a.id = b.article_id
                             WHERE b.warehouse_id = :w AND a.stock_tracked
                            """).param("count", countId).param("w", warehouse.getId()).update();
        } else {
            ArticleCategory category = categories
                    .findById(categoryId)
                    .orElseThrow(() -> new ArticleRuleException("articles.error.category-not-found"));
            jdbc.sql("""
                            INSERT INTO stock_count_line (id, count_id, article_id, expected)
                            SELECT gen_random_uuid(), :count, a.id, coalesce(b.on_hand, 0)
                              FROM article a
                              LEFT JOIN stock_balance b ON b.article_id = a.id AND b.warehouse_id = :w
                             WHERE a.stock_tracked AND a.status = 'active'
                               AND a.category_id IN (SELECT s.id FROM article_category s WHERE s.path LIKE :subtree)
                            """)
                    .param("count", countId)
                    .param("w", warehouse.getId())
                    .param("subtree", CategoryService.likePrefix(category.getPath()))
                    .update();
        }
        return countId;
    }

    /** Adds an article found on the shelf that the count did not list. */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_COUNT)
    public void addArticle(UUID countId, UUID articleId) {
        UUID warehouseId = openCount(countId, false);
        jdbc.sql("""
                        INSERT INTO stock_count_line (id, count_id, article_id, expected)
                        SELECT gen_random_uuid(), :count, a.id,
                               coalesce((SELECT on_hand FROM stock_balance
                                          WHERE article_id = a.id AND warehouse_id = :w), 0)
                          FROM article a WHERE a.id = :a AND a.stock_tracked
                        ON CONFLICT (tenant_id, count_id, article_id) DO NOTHING
                        """)
                .param("count", countId)
                .param("w", warehouseId)
                .param("a", articleId)
                .update();
    }

    /**
     * Adds to the count the article with exactly this code or barcode, found on the shelf but not
     * listed (active and stock-tracked articles only), and returns its line; empty when there is no
     * such article. An article already in the count just returns its line.
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_COUNT)
    public Optional<CountLine> addScanned(UUID countId, String codeOrBarcode) {
        String text = searchText(codeOrBarcode);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        openCount(countId, false);
        Optional<UUID> article =
                jdbc.sql("""
                        SELECT id FROM article
                         WHERE (lower(code) = lower(:text) OR barcode = :text)
                           AND stock_tracked AND status = 'active'
                         ORDER BY code
                         LIMIT 1
                        """).param("text", text).query(UUID.class).optional();
        article.ifPresent(id -> addArticle(countId, id));
        return article.flatMap(id -> lists.findLine(countId, text));
    }

    /** Records the quantity counted of an article (in the article's unit); null clears it. */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_COUNT)
    public void enterCounted(UUID countId, UUID articleId, BigDecimal counted) {
        if (counted != null && counted.signum() < 0) {
            throw new ArticleRuleException("stock.error.count-negative");
        }
        openCount(countId, false);
        int changed = jdbc.sql("""
                        UPDATE stock_count_line
                           SET counted = :counted, counted_by = nexo_user_id(), counted_at = now()
                         WHERE count_id = :count AND article_id = :a
                        """)
                .param(
                        "counted",
                        counted == null ? null : counted.setScale(UnitOfMeasure.QUANTITY_SCALE, RoundingMode.HALF_UP),
                        java.sql.Types.NUMERIC)
                .param("count", countId)
                .param("a", articleId)
                .update();
        if (changed == 0) {
            throw new ArticleRuleException("stock.error.count-line-not-found");
        }
    }

    /**
     * Posts the count as {@link #post(UUID)} does, but only if no quantity was entered or cleared
     * after {@code reviewedLastEntryAt} (the {@link StockCountSummary#lastEntryAt()} the user
     * reviewed): otherwise the adjustments would not be the ones the user agreed to, and nothing is
     * posted.
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_POST)
    public int post(UUID countId, Instant reviewedLastEntryAt) {
        openCount(countId, true);
        Instant lastEntryAt = jdbc.sql("SELECT max(counted_at) FROM stock_count_line WHERE count_id = :id")
                .param("id", countId)
                .query((rs, n) -> instant(rs.getTimestamp(1)))
                .optional()
                .orElse(null);
        if (!Objects.equals(lastEntryAt, reviewedLastEntryAt)) {
            throw new ArticleRuleException("stock.error.count-changed");
        }
        return post(countId);
    }

    /**
     * Posts the differences of every counted line as adjustments, and closes the count, all in this
     * one transaction: if any adjustment is refused (negative stock where not allowed), nothing is
     * posted. Uncounted lines change nothing. Returns how many adjustments were written.
     */
    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_POST)
    public int post(UUID countId) {
        openCount(countId, true);
        List<CountLine> differences = lists.differences(countId);
        UUID warehouseId = jdbc.sql("SELECT warehouse_id FROM stock_count WHERE id = :id")
                .param("id", countId)
                .query(UUID.class)
                .single();
        for (CountLine line : differences) {
            ledger.record(
                    MovementType.ADJUSTMENT,
                    new StockEntry(
                            line.articleId(),
                            warehouseId,
                            null,
                            line.difference(),
                            null,
                            null,
                            "count",
                            SOURCE_TYPE,
                            countId.toString()),
                    null);
        }
        jdbc.sql("""
                        UPDATE stock_count SET status = 'posted', posted_at = now(), posted_by = nexo_user_id(),
                               updated_at = now(), version = version + 1
                         WHERE id = :id
                        """).param("id", countId).update();
        return differences.size();
    }

    @Transactional
    @RolesAllowed(ArticlePermissions.STOCK_COUNT)
    public void cancel(UUID countId) {
        openCount(countId, true);
        jdbc.sql(
                        "UPDATE stock_count SET status = 'cancelled', updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", countId)
                .update();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String searchText(String search) {
        return search == null ? "" : search.strip();
    }

    /**
     * The warehouse of an open count. Posting and cancelling lock the count row; entering a quantity
     * takes a shared lock, so no quantity slips in while a count is being posted.
     */
    private UUID openCount(UUID countId, boolean lock) {
        return jdbc.sql("SELECT warehouse_id FROM stock_count WHERE id = :id AND status = 'open'"
                        + (lock ? " FOR UPDATE" : " FOR SHARE"))
                .param("id", countId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new ArticleRuleException("stock.error.count-not-open"));
    }
}
