package com.nexo.articles;

import com.nexo.base.Ids;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
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

    StockCountService(
            JdbcClient jdbc, StockLedger ledger, WarehouseRepository warehouses, CategoryRepository categories) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.warehouses = warehouses;
        this.categories = categories;
    }

    /**
     * Starts a count. Without a category it lists every stock-tracked article that has stock (or had
     * some) in the warehouse; with one, every active stock-tracked article of the category's subtree.
     */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_COUNT + "')")
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
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_COUNT + "')")
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

    /** Records the quantity counted of an article (in the article's unit); null clears it. */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_COUNT + "')")
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

    /** A page of the count's lines in article code order; only those with a difference when asked. */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<CountLine> lines(UUID countId, boolean onlyDifferences, int offset, int limit) {
        return jdbc.sql("""
                        SELECT l.article_id, a.code, a.name_es, a.name_en, u.code AS unit_code, l.expected, l.counted
                          FROM stock_count_line l
                          JOIN article a ON a.id = l.article_id
                          JOIN unit_of_measure u ON u.id = a.unit_id
                         WHERE l.count_id = :count
                           AND (NOT :only OR (l.counted IS NOT NULL AND l.counted <> l.expected))
                         ORDER BY a.code
                         LIMIT :limit OFFSET :offset
                        """)
                .param("count", countId)
                .param("only", onlyDifferences)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, n) -> new CountLine(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .list();
    }

    /** The counts of a warehouse, newest first (all warehouses when null). */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<StockCountSummary> counts(UUID warehouseId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.warehouse_id, w.code, c.category_id, c.status, c.created_at, c.posted_at,
                               (SELECT count(*) FROM stock_count_line l WHERE l.count_id = c.id),
                               (SELECT count(*) FROM stock_count_line l WHERE l.count_id = c.id AND l.counted IS NOT NULL)
                          FROM stock_count c JOIN warehouse w ON w.id = c.warehouse_id
                         WHERE (CAST(:w AS uuid) IS NULL OR c.warehouse_id = :w)
                         ORDER BY c.created_at DESC, c.id DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .param("w", warehouseId, java.sql.Types.OTHER)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, n) -> new StockCountSummary(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getLong(8),
                        rs.getLong(9)))
                .list();
    }

    /**
     * Posts the differences of every counted line as adjustments, and closes the count, all in this
     * one transaction: if any adjustment is refused (negative stock where not allowed), nothing is
     * posted. Uncounted lines change nothing. Returns how many adjustments were written.
     */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_POST + "')")
    public int post(UUID countId) {
        openCount(countId, true);
        List<CountLine> differences = lines(countId, true, 0, Integer.MAX_VALUE);
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
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_COUNT + "')")
    public void cancel(UUID countId) {
        openCount(countId, true);
        jdbc.sql(
                        "UPDATE stock_count SET status = 'cancelled', updated_at = now(), version = version + 1 WHERE id = :id")
                .param("id", countId)
                .update();
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
