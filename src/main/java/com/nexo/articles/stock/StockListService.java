package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.paging.Sort;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the stock screens list: the stock held in a warehouse, an article's movements, the latest
 * movements of the organisation, and the articles a stock screen can be opened on. Every list is read
 * a keyset page at a time through {@link ListQuery}, so a deep page costs what the first one does.
 */
@Service
public class StockListService {

    /** Text matches an article picker reads at most: a word that matches more asks for another word. */
    static final int MAX_ARTICLE_MATCHES = 200;

    private static final double TYPO_THRESHOLD = 0.5;

    private static final String BALANCE_COLUMNS = """
            b.article_id, a.code AS article_code, a.name_es, a.name_en, u.code AS unit_code, u.decimals AS unit_decimals,
            b.warehouse_id, w.code AS warehouse_code, b.on_hand, b.reserved, b.incoming""";

    private static final String BALANCE_FROM = """
            stock_balance b
              JOIN article a ON a.id = b.article_id
              JOIN unit_of_measure u ON u.id = a.unit_id
              JOIN warehouse w ON w.id = b.warehouse_id""";

    private static final String MOVEMENT_COLUMNS = """
            m.id, m.movement_type, m.article_id, m.warehouse_id, w.code AS warehouse_code, m.location_id,
            m.quantity, m.entered_quantity, eu.code AS unit_code, m.moved_at, m.reason, m.source_type,
            m.source_ref, m.transfer_id, m.user_id, au.decimals AS unit_decimals,
            eu.decimals AS entered_unit_decimals""";

    private static final String MOVEMENT_FROM = """
            stock_movement m
              JOIN warehouse w ON w.id = m.warehouse_id
              JOIN unit_of_measure eu ON eu.id = m.entered_unit_id
              JOIN article a ON a.id = m.article_id
              JOIN unit_of_measure au ON au.id = a.unit_id""";

    /** The latest movements of every article: the index on (tenant, moved_at DESC, id DESC) of V30. */
    private static final String LATEST = """
            SELECT m.id, m.movement_type, m.article_id, a.code AS article_code, a.name_es, a.name_en,
                   m.warehouse_id, w.code AS warehouse_code, m.quantity, u.code AS unit_code,
                   u.decimals AS unit_decimals, m.moved_at
              FROM (SELECT id, movement_type, article_id, warehouse_id, quantity, moved_at
                      FROM stock_movement
                     ORDER BY moved_at DESC, id DESC
                     LIMIT :limit) m
              JOIN article a ON a.id = m.article_id
              JOIN unit_of_measure u ON u.id = a.unit_id
              JOIN warehouse w ON w.id = m.warehouse_id
             ORDER BY m.moved_at DESC, m.id DESC
            """;

    private static final String ARTICLE_COLUMNS =
            "a.id, a.code, a.name_es, a.name_en, a.unit_id, u.code AS unit_code, u.decimals AS unit_decimals";

    private final JdbcClient jdbc;

    StockListService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the stock held in one warehouse, in {@code sort}, after {@code after} (null: the first
     * page). {@code text} (optional) keeps the articles whose code starts with it or whose name in
     * either language contains it, accents and case ignored.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public Page<BalanceRow> warehouseStock(
            UUID warehouseId, String text, Sort<StockSort> sort, PageCursor after, int limit) {
        if (warehouseId == null) {
            return Page.empty();
        }
        ListQuery query =
                ListQuery.select(BALANCE_COLUMNS).from(BALANCE_FROM).where("b.warehouse_id = :w", "w", warehouseId);
        String clean = text == null ? "" : text.strip();
        if (!clean.isEmpty()) {
            String escaped = escapeLike(clean);
            query.where("""
                            (a.code ILIKE :prefix ESCAPE '\\'
                             OR nexo_search_key(a.name_es) LIKE nexo_search_key(:contains) ESCAPE '\\'
                             OR nexo_search_key(a.name_en) LIKE nexo_search_key(:contains) ESCAPE '\\')""").param("prefix", escaped + "%").param("contains", "%" + escaped + "%");
        }
        return query.page(jdbc, ListOrder.keyset("a.code", "text", "a.id", sort.descending()), after, limit, BALANCE);
    }

    /**
     * A page of an article's movements, newest first, after {@code after} (null: the first page); in
     * one warehouse, or in all when {@code warehouseId} is null.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public Page<MovementRow> movements(UUID articleId, UUID warehouseId, PageCursor after, int limit) {
        if (articleId == null) {
            return Page.empty();
        }
        ListQuery query =
                ListQuery.select(MOVEMENT_COLUMNS).from(MOVEMENT_FROM).where("m.article_id = :a", "a", articleId);
        if (warehouseId != null) {
            query.where("m.warehouse_id = :w", "w", warehouseId);
        }
        return query.page(
                jdbc,
                ListOrder.keyset("m.moved_at", "timestamptz", "m.id", true),
                after,
                limit,
                StockListService::movement);
    }

    /** The latest {@code limit} movements of every article and warehouse, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public List<RecentMovement> latestMovements(int limit) {
        return jdbc.sql(LATEST)
                .param("limit", Math.max(1, Math.min(limit, 50)))
                .query(RECENT)
                .list();
    }

    /**
     * The articles a stock screen can be opened on that match {@code text} (code, barcode, words of
     * the name, best first; every article by code when blank), at most {@code limit}.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public List<StockArticle> findArticles(String text, int limit) {
        String clean = text == null ? "" : text.strip();
        int size = Math.max(1, Math.min(limit, MAX_ARTICLE_MATCHES));
        ListQuery query = ListQuery.select(ARTICLE_COLUMNS)
                .from("article a JOIN unit_of_measure u ON u.id = a.unit_id"
                        + (clean.isEmpty()
                                ? ""
                                : " JOIN nexo_article_search(:text, false, :cap, CAST(:threshold AS real)) s"
                                        + " ON s.id = a.id"));
        if (clean.isEmpty()) {
            query.where("a.status <> 'archived'");
            return query.page(jdbc, ListOrder.keyset("a.code", "text", "a.id", false), null, size, ARTICLE)
                    .rows();
        }
        query.param("text", clean).param("cap", MAX_ARTICLE_MATCHES).param("threshold", TYPO_THRESHOLD);
        return query.page(jdbc, ListOrder.ranked("s.ordinal"), null, size, ARTICLE)
                .rows();
    }

    /** The article a stock screen was opened on by its id; empty when there is no such article. */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public Optional<StockArticle> article(UUID articleId) {
        if (articleId == null) {
            return Optional.empty();
        }
        return jdbc.sql(ARTICLE_BY_ID).param("id", articleId).query(ARTICLE).optional();
    }

    private static final String ARTICLE_BY_ID =
            "SELECT " + ARTICLE_COLUMNS + " FROM article a JOIN unit_of_measure u ON u.id = a.unit_id WHERE a.id = :id";

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static final RowMapper<BalanceRow> BALANCE = (rs, n) -> new BalanceRow(
            rs.getObject("article_id", UUID.class),
            rs.getString("article_code"),
            rs.getString("name_es"),
            rs.getString("name_en"),
            rs.getString("unit_code"),
            rs.getObject("warehouse_id", UUID.class),
            rs.getString("warehouse_code"),
            rs.getBigDecimal("on_hand"),
            rs.getBigDecimal("reserved"),
            rs.getBigDecimal("incoming"),
            rs.getInt("unit_decimals"));

    static final RowMapper<StockArticle> ARTICLE = (rs, n) -> new StockArticle(
            rs.getObject("id", UUID.class),
            rs.getString("code"),
            rs.getString("name_es"),
            rs.getString("name_en"),
            rs.getObject("unit_id", UUID.class),
            rs.getString("unit_code"),
            rs.getInt("unit_decimals"));

    static final RowMapper<RecentMovement> RECENT = (rs, n) -> new RecentMovement(
            rs.getObject("id", UUID.class),
            MovementType.fromDb(rs.getString("movement_type")),
            rs.getObject("article_id", UUID.class),
            rs.getString("article_code"),
            rs.getString("name_es"),
            rs.getString("name_en"),
            rs.getObject("warehouse_id", UUID.class),
            rs.getString("warehouse_code"),
            rs.getBigDecimal("quantity"),
            rs.getString("unit_code"),
            rs.getInt("unit_decimals"),
            rs.getTimestamp("moved_at").toInstant());

    static MovementRow movement(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new MovementRow(
                rs.getObject("id", UUID.class),
                MovementType.fromDb(rs.getString("movement_type")),
                rs.getObject("article_id", UUID.class),
                rs.getObject("warehouse_id", UUID.class),
                rs.getString("warehouse_code"),
                rs.getObject("location_id", UUID.class),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("entered_quantity"),
                rs.getString("unit_code"),
                rs.getTimestamp("moved_at").toInstant(),
                rs.getString("reason"),
                rs.getString("source_type"),
                rs.getString("source_ref"),
                rs.getObject("transfer_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getInt("unit_decimals"),
                rs.getInt("entered_unit_decimals"));
    }
}
