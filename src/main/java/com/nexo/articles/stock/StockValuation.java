package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.base.Ids;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article valuation by weighted average cost: receipts at a known cost (a purchase receipt) update
 * the article's cost, and every change of the cost is kept in its history ({@code
 * article_cost_change}).
 */
@Service
@NamedInterface("stock")
public class StockValuation {

    /** The source of a costed receipt whose entry names none. */
    public static final String RECEIPT_SOURCE = "receipt";

    /** The most history rows one read returns. */
    public static final int MAX_HISTORY = 500;

    /** A cost above this does not fit {@code numeric(14, 4)}. */
    private static final BigDecimal COST_LIMIT = new BigDecimal("10000000000");

    private static final String LOCK_ARTICLE = """
            SELECT cost FROM article WHERE id = :id FOR UPDATE
            """;
    private static final String ON_HAND = """
            SELECT coalesce(sum(on_hand), 0) FROM stock_balance WHERE article_id = :id
            """;
    private static final String UPDATE_COST = """
            UPDATE article SET cost = :cost, updated_at = now(), version = version + 1 WHERE id = :id
            """;
    private static final String INSERT_CHANGE = """
            INSERT INTO article_cost_change (id, article_id, previous_cost, new_cost, quantity, unit_cost,
                                             stock_before, source_type, source_ref, movement_id)
            VALUES (:id, :article, :previous, :new, :quantity, :unitCost, :stockBefore, :sourceType,
                    :sourceRef, :movement)
            """;
    private static final String HISTORY = """
            SELECT id, changed_at, previous_cost, new_cost, quantity, unit_cost, stock_before, source_type,
                   source_ref, movement_id, changed_by
              FROM article_cost_change
             WHERE article_id = :id
             ORDER BY changed_at DESC, id DESC
             LIMIT :limit
            """;

    private final StockLedger ledger;
    private final JdbcClient jdbc;

    StockValuation(StockLedger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /**
     * Receives stock at a known cost and revalues the article, in one transaction: writes the receipt
     * to the ledger (checked and converted to the article's unit as {@link StockService#receive}
     * does) with its unit cost, and sets the article's cost to the weighted average
     * {@code (max(onHandBefore, 0) × oldCost + quantity × unitCost) / (max(onHandBefore, 0) +
     * quantity)}, where {@code onHandBefore} is the article's on hand over all warehouses just before
     * the receipt and {@code quantity} the received quantity in the article's unit; when nothing was
     * on hand (zero or negative stock) the new cost is the unit cost. The unit cost is first rounded
     * half-up to four decimals, and so is the new cost ({@link WeightedAverageCost}). The change is
     * recorded in the article's cost history, with the entry's source (or {@value #RECEIPT_SOURCE}
     * when it names none), even when the cost stays the same.
     *
     * <p>The article's row is locked for the rest of the transaction, so concurrent receipts of one
     * article take turns and each averages over the stock and cost the previous one left. The
     * article's version moves on with its cost, so a form loaded before the receipt cannot save the
     * old cost over the new one.
     *
     * @param entry the receipt: a positive quantity, in the article's unit when {@code unitId} is null
     * @param unitCost the cost of one unit of the article's own unit (not of the entered unit), zero
     *     or more
     * @return the receipt's movement id and the article's new cost
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public CostedReceipt receiveAtCost(StockEntry entry, BigDecimal unitCost) {
        if (entry == null || entry.articleId() == null || entry.warehouseId() == null) {
            throw new ArticleRuleException("stock.error.article-and-warehouse-required");
        }
        if (unitCost == null || unitCost.signum() < 0 || unitCost.compareTo(COST_LIMIT) >= 0) {
            throw new ArticleRuleException("stock.error.unit-cost-invalid");
        }
        BigDecimal cost = unitCost.setScale(WeightedAverageCost.SCALE, RoundingMode.HALF_UP);
        UUID articleId = entry.articleId();
        BigDecimal previousCost = jdbc.sql(LOCK_ARTICLE)
                .param("id", articleId)
                .query(BigDecimal.class)
                .optional()
                .orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
        BigDecimal onHandBefore =
                jdbc.sql(ON_HAND).param("id", articleId).query(BigDecimal.class).single();

        StockLedger.Movement movement = ledger.movement(MovementType.RECEIPT, entry, null);
        UUID movementId = ledger.record(movement, cost);

        BigDecimal newCost = WeightedAverageCost.next(onHandBefore, previousCost, movement.quantity(), cost);
        if (newCost.compareTo(previousCost) != 0) {
            jdbc.sql(UPDATE_COST).param("cost", newCost).param("id", articleId).update();
        }
        String sourceType = clean(entry.sourceType());
        jdbc.sql(INSERT_CHANGE)
                .param("id", Ids.newId())
                .param("article", articleId)
                .param("previous", previousCost)
                .param("new", newCost)
                .param("quantity", movement.quantity())
                .param("unitCost", cost)
                .param("stockBefore", onHandBefore)
                .param("sourceType", sourceType == null ? RECEIPT_SOURCE : sourceType)
                .param("sourceRef", clean(entry.sourceRef()), java.sql.Types.VARCHAR)
                .param("movement", movementId)
                .update();
        return new CostedReceipt(movementId, newCost);
    }

    /**
     * The latest {@code limit} changes of an article's cost (at most {@value #MAX_HISTORY}), newest
     * first: receipts at cost and costs typed in the article form.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(ArticlePermissions.READ)
    public List<CostChange> costHistory(UUID articleId, int limit) {
        int size = Math.max(0, Math.min(limit, MAX_HISTORY));
        if (articleId == null || size == 0) {
            return List.of();
        }
        return jdbc.sql(HISTORY)
                .param("id", articleId)
                .param("limit", size)
                .query((rs, n) -> change(rs))
                .list();
    }

    private static CostChange change(ResultSet rs) throws SQLException {
        return new CostChange(
                rs.getObject("id", UUID.class),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getBigDecimal("previous_cost"),
                rs.getBigDecimal("new_cost"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("unit_cost"),
                rs.getBigDecimal("stock_before"),
                rs.getString("source_type"),
                rs.getString("source_ref"),
                rs.getObject("movement_id", UUID.class),
                rs.getObject("changed_by", UUID.class));
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
