package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleSearch;
import com.nexo.base.Ids;
import com.nexo.security.UserDirectory;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger: receipts, issues, transfers and adjustments, and the stock they leave per
 * article and warehouse. Every change is an immutable movement; on hand is kept by the database in
 * the same transaction, so two users issuing the last unit at once cannot both succeed unless the
 * warehouse allows negative stock.
 */
@Service
@NamedInterface("stock")
public class StockService {

    private final StockLedger ledger;
    private final JdbcClient jdbc;
    private final UserDirectory users;

    StockService(StockLedger ledger, JdbcClient jdbc, UserDirectory users) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Stock comes in (from a supplier, from production). Returns the movement's id. */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_MOVE + "') or hasRole('SYSTEM')")
    public UUID receive(StockEntry entry) {
        return record(MovementType.RECEIPT, entry, null);
    }

    /** Stock goes out (to a customer, to production); refused when there is not enough. */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_MOVE + "') or hasRole('SYSTEM')")
    public UUID issue(StockEntry entry) {
        return record(MovementType.ISSUE, entry, null);
    }

    /** A signed correction (breakage, a found box); a reason is required. */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_MOVE + "') or hasRole('SYSTEM')")
    public UUID adjust(StockEntry entry) {
        if (entry == null || entry.reason() == null || entry.reason().isBlank()) {
            throw new ArticleRuleException("stock.error.reason-required");
        }
        return record(MovementType.ADJUSTMENT, entry, null);
    }

    /**
     * Moves stock from one warehouse to another: both movements are written in this one transaction,
     * so either both happen or neither. Returns the transfer's id (shared by the two movements).
     */
    @Transactional
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_MOVE + "') or hasRole('SYSTEM')")
    public UUID transfer(TransferEntry entry) {
        if (entry == null || entry.fromWarehouseId() == null || entry.toWarehouseId() == null) {
            throw new ArticleRuleException("stock.error.warehouse-not-found");
        }
        if (entry.fromWarehouseId().equals(entry.toWarehouseId())) {
            throw new ArticleRuleException("stock.error.transfer-same-warehouse");
        }
        UUID transferId = Ids.newId();
        record(
                MovementType.TRANSFER_OUT,
                new StockEntry(
                        entry.articleId(),
                        entry.fromWarehouseId(),
                        null,
                        entry.quantity(),
                        entry.unitId(),
                        null,
                        entry.reason(),
                        entry.sourceType(),
                        entry.sourceRef()),
                transferId);
        record(
                MovementType.TRANSFER_IN,
                new StockEntry(
                        entry.articleId(),
                        entry.toWarehouseId(),
                        null,
                        entry.quantity(),
                        entry.unitId(),
                        null,
                        entry.reason(),
                        entry.sourceType(),
                        entry.sourceRef()),
                transferId);
        return transferId;
    }

    /** On hand and reserved of an article in a warehouse (zero when it never had stock there). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "') or hasRole('SYSTEM')")
    public StockPosition position(UUID articleId, UUID warehouseId) {
        return jdbc.sql("SELECT on_hand, reserved FROM stock_balance WHERE article_id = :a AND warehouse_id = :w")
                .param("a", articleId)
                .param("w", warehouseId)
                .query((rs, n) -> new StockPosition(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .optional()
                .orElse(StockPosition.NONE);
    }

    /** On hand recomputed from the whole ledger (an audit of the balance; slow for long histories). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public BigDecimal onHandFromLedger(UUID articleId, UUID warehouseId) {
        return jdbc.sql("""
                        SELECT coalesce(sum(quantity), 0) FROM stock_movement
                         WHERE article_id = :a AND warehouse_id = :w
                        """)
                .param("a", articleId)
                .param("w", warehouseId)
                .query(BigDecimal.class)
                .single();
    }

    /**
     * The names of the users who made some movements (those of one page of a history), by user id; a
     * user no longer known is left out. At most {@code MOVERS_LOOKUP_LIMIT} ids are looked up.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public java.util.Map<UUID, String> movedBy(java.util.Collection<UUID> userIds) {
        List<UUID> ids = userIds.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .limit(MOVERS_LOOKUP_LIMIT)
                .toList();
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return users.namesOf(ids);
    }

    private static final int MOVERS_LOOKUP_LIMIT = 500;

    /** The stock of one article in every warehouse where it has any. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<BalanceRow> balancesOfArticle(UUID articleId) {
        return jdbc.sql(BALANCES + " WHERE b.article_id = :a ORDER BY w.code")
                .param("a", articleId)
                .query(StockService::balance)
                .list();
    }

    /** A page of the stock held in one warehouse, in article code order. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<BalanceRow> balancesOfWarehouse(UUID warehouseId, int offset, int limit) {
        return jdbc.sql(BALANCES + " WHERE b.warehouse_id = :w ORDER BY a.code LIMIT :limit OFFSET :offset")
                .param("w", warehouseId)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset))
                .query(StockService::balance)
                .list();
    }

    /**
     * The next page of the stock held in one warehouse, in article code order, after the article code
     * {@code afterCode} (from the start when null): a keyset page, so a page deep in a large warehouse
     * costs what the first one does. {@code text} (optional) keeps the articles whose code starts with
     * it or whose name in either language contains it, accents and case ignored.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<BalanceRow> balancesOfWarehouse(UUID warehouseId, String text, String afterCode, int limit) {
        String clean = text == null ? "" : text.strip();
        String filter = clean.isEmpty()
                ? ""
                : " AND (a.code ILIKE :prefix ESCAPE '\\'"
                        + " OR nexo_search_key(a.name_es) LIKE nexo_search_key(:contains) ESCAPE '\\'"
                        + " OR nexo_search_key(a.name_en) LIKE nexo_search_key(:contains) ESCAPE '\\')";
        String after = afterCode == null ? "" : " AND a.code > :after";
        JdbcClient.StatementSpec statement = jdbc.sql(
                        BALANCES + " WHERE b.warehouse_id = :w" + filter + after + " ORDER BY a.code LIMIT :limit")
                .param("w", warehouseId)
                .param("limit", Math.max(0, limit));
        if (!clean.isEmpty()) {
            String escaped = escapeLike(clean);
            statement = statement.param("prefix", escaped + "%").param("contains", "%" + escaped + "%");
        }
        if (afterCode != null) {
            statement = statement.param("after", afterCode);
        }
        return statement.query(StockService::balance).list();
    }

    /**
     * The article as lists show it, for a screen opened on one article by its id (a link from another
     * screen); empty when there is no such article.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public Optional<ArticleRow> stockArticle(UUID articleId) {
        if (articleId == null) {
            return Optional.empty();
        }
        return jdbc.sql(ArticleSearch.COLUMNS + " WHERE a.id = :id")
                .param("id", articleId)
                .query(ArticleSearch::row)
                .optional();
    }

    /** A page of an article's movements, newest first; in one warehouse, or in all when null. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + ArticlePermissions.STOCK_READ + "')")
    public List<MovementRow> movements(UUID articleId, UUID warehouseId, int offset, int limit) {
        String filter = warehouseId == null ? "" : " AND m.warehouse_id = :w";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        SELECT m.id, m.movement_type, m.article_id, m.warehouse_id, w.code AS warehouse_code,
                               m.location_id, m.quantity, m.entered_quantity, u.code AS unit_code, m.moved_at,
                               m.reason, m.source_type, m.source_ref, m.transfer_id, m.user_id
                          FROM stock_movement m
                          JOIN warehouse w ON w.id = m.warehouse_id
                          JOIN unit_of_measure u ON u.id = m.entered_unit_id
                         WHERE m.article_id = :a""" + filter + """

                         ORDER BY m.moved_at DESC, m.id DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .param("a", articleId)
                .param("limit", Math.max(0, limit))
                .param("offset", Math.max(0, offset));
        if (warehouseId != null) {
            statement = statement.param("w", warehouseId);
        }
        return statement.query(StockService::movement).list();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private UUID record(MovementType type, StockEntry entry, UUID transferId) {
        return ledger.record(type, entry, transferId);
    }

    private static final String BALANCES = """
            SELECT b.article_id, a.code AS article_code, a.name_es, a.name_en, u.code AS unit_code,
                   b.warehouse_id, w.code AS warehouse_code, b.on_hand, b.reserved
              FROM stock_balance b
              JOIN article a ON a.id = b.article_id
              JOIN unit_of_measure u ON u.id = a.unit_id
              JOIN warehouse w ON w.id = b.warehouse_id
            """;

    static BalanceRow balance(ResultSet rs, int rowNum) throws SQLException {
        return new BalanceRow(
                rs.getObject("article_id", UUID.class),
                rs.getString("article_code"),
                rs.getString("name_es"),
                rs.getString("name_en"),
                rs.getString("unit_code"),
                rs.getObject("warehouse_id", UUID.class),
                rs.getString("warehouse_code"),
                rs.getBigDecimal("on_hand"),
                rs.getBigDecimal("reserved"));
    }

    private static MovementRow movement(ResultSet rs, int rowNum) throws SQLException {
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
                rs.getObject("user_id", UUID.class));
    }
}
