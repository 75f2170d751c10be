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
import com.nexo.security.UserDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    /** The WHERE of a page of lines: the count, the filter, and the code prefix or barcode searched. */
    private static final String LINE_CONDITIONS = """
             WHERE l.count_id = :count
               AND (:filter = 'ALL'
                    OR (l.counted IS NOT NULL AND l.counted <> l.expected)
                    OR (:filter = 'REVIEW' AND l.counted IS NULL))
               AND (:barcode = '' OR lower(a.code) LIKE lower(:prefix) OR a.barcode = :barcode)
            """;

    private static final String SUMMARY_SELECT = """
            SELECT c.id, c.warehouse_id, w.code, c.category_id, c.status, c.created_at, c.posted_at,
                   f.lines, f.counted, w.name, g.code, g.name_es, g.name_en, c.started_by,
                   f.differences, f.last_entry_at
              FROM stock_count c
              JOIN warehouse w ON w.id = c.warehouse_id
              LEFT JOIN article_category g ON g.id = c.category_id
             CROSS JOIN LATERAL (
                   SELECT count(*) AS lines,
                          count(l.counted) AS counted,
                          count(*) FILTER (WHERE l.counted <> l.expected) AS differences,
                          max(l.counted_at) AS last_entry_at
                     FROM stock_count_line l WHERE l.count_id = c.id) f
            """;

    private final JdbcClient jdbc;
    private final StockLedger ledger;
    private final WarehouseRepository warehouses;
    private final CategoryRepository categories;
    private final UserDirectory users;

    StockCountService(
            JdbcClient jdbc,
            StockLedger ledger,
            WarehouseRepository warehouses,
            CategoryRepository categories,
            UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
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

    /**
     * Adds to the count the article with exactly this code or barcode, found on the shelf but not
     * listed (active and stock-tracked articles only), and returns its line; empty when there is no
     * such article. An article already in the count just returns its line.
     */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_COUNT + "')")
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
        return article.flatMap(id -> findLine(countId, text));
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
        return lines(countId, onlyDifferences ? CountLineFilter.DIFFERENCES : CountLineFilter.ALL, null, offset, limit);
    }

    /**
     * A page of the count's lines in article code order, narrowed by {@code filter} and, when
     * {@code search} is not blank, to the articles whose code begins with it or whose barcode is it.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<CountLine> lines(UUID countId, CountLineFilter filter, String search, int offset, int limit) {
        return jdbc.sql("""
                        SELECT l.article_id, a.code, a.name_es, a.name_en, u.code AS unit_code, l.expected, l.counted
                          FROM stock_count_line l
                          JOIN article a ON a.id = l.article_id
                          JOIN unit_of_measure u ON u.id = a.unit_id
                        """ + LINE_CONDITIONS + """
                         ORDER BY a.code
                         LIMIT :limit OFFSET :offset
                        """)
                .param("count", countId)
                .param("filter", filter.name())
                .param("prefix", searchPrefix(search))
                .param("barcode", searchText(search))
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

    /** How many lines {@link #lines(UUID, CountLineFilter, String, int, int)} has in all. */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public long countLines(UUID countId, CountLineFilter filter, String search) {
        return jdbc.sql("""
                        SELECT count(*)
                          FROM stock_count_line l
                          JOIN article a ON a.id = l.article_id
                        """ + LINE_CONDITIONS)
                .param("count", countId)
                .param("filter", filter.name())
                .param("prefix", searchPrefix(search))
                .param("barcode", searchText(search))
                .query(Long.class)
                .single();
    }

    /**
     * The line of the article with exactly this code (case ignored) or this barcode, as a scanner or
     * a person typing a code gives it; empty when the count has no such article.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public Optional<CountLine> findLine(UUID countId, String codeOrBarcode) {
        String text = searchText(codeOrBarcode);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT l.article_id, a.code, a.name_es, a.name_en, u.code AS unit_code, l.expected, l.counted
                          FROM stock_count_line l
                          JOIN article a ON a.id = l.article_id
                          JOIN unit_of_measure u ON u.id = a.unit_id
                         WHERE l.count_id = :count AND (lower(a.code) = lower(:text) OR a.barcode = :text)
                         ORDER BY a.code
                         LIMIT 1
                        """)
                .param("count", countId)
                .param("text", text)
                .query((rs, n) -> new CountLine(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .optional();
    }

    /** The counts of a warehouse, newest first (all warehouses when null). */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<StockCountSummary> counts(UUID warehouseId, int offset, int limit) {
        return named(jdbc.sql(SUMMARY_SELECT + """
                         WHERE (CAST(:w AS uuid) IS NULL OR c.warehouse_id = :w)
                         ORDER BY c.created_at DESC, c.id DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .param("w", warehouseId, java.sql.Types.OTHER)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query((rs, n) -> summary(rs))
                .list());
    }

    /** How many counts {@link #counts(UUID, int, int)} has in all. */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public long countCounts(UUID warehouseId) {
        return jdbc.sql("SELECT count(*) FROM stock_count c WHERE (CAST(:w AS uuid) IS NULL OR c.warehouse_id = :w)")
                .param("w", warehouseId, java.sql.Types.OTHER)
                .query(Long.class)
                .single();
    }

    /** One count with its figures; empty when it does not exist (or is another tenant's). */
    @Transactional(readOnly = true)
    @PreAuthorize(
            "hasRole('" + ArticlePermissions.STOCK_COUNT + "') or hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public Optional<StockCountSummary> count(UUID countId) {
        return jdbc.sql(SUMMARY_SELECT + " WHERE c.id = :id")
                .param("id", countId)
                .query((rs, n) -> summary(rs))
                .optional()
                .map(loaded -> named(List.of(loaded)).getFirst());
    }

    /** The active warehouses a count can be started in, by code. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_COUNT + "')")
    public List<Warehouse> countableWarehouses() {
        return warehouses.findAllByOrderByCode().stream()
                .filter(Warehouse::isActive)
                .toList();
    }

    /**
     * Posts the count as {@link #post(UUID)} does, but only if no quantity was entered or cleared
     * after {@code reviewedLastEntryAt} (the {@link StockCountSummary#lastEntryAt()} the user
     * reviewed): otherwise the adjustments would not be the ones the user agreed to, and nothing is
     * posted.
     */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_POST + "')")
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

    /** A count as read, with the id of the user who started it (whose name is the security module's). */
    private record Loaded(StockCountSummary summary, UUID startedBy) {}

    /** The counts with the names of who started them, from one look-up. */
    private List<StockCountSummary> named(List<Loaded> loaded) {
        Map<UUID, String> names =
                users.namesOf(loaded.stream().map(Loaded::startedBy).toList());
        return loaded.stream()
                .map(count -> count.summary().withStartedByName(names.get(count.startedBy())))
                .toList();
    }

    private static Loaded summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Loaded(
                new StockCountSummary(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        null,
                        rs.getLong(15),
                        instant(rs.getTimestamp(16))),
                rs.getObject(14, UUID.class));
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String searchText(String search) {
        return search == null ? "" : search.strip();
    }

    private static String searchPrefix(String search) {
        return CategoryService.likePrefix(searchText(search));
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
