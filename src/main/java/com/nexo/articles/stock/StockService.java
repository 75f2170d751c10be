package com.nexo.articles.stock;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.base.Ids;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
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
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public UUID receive(StockEntry entry) {
        return record(MovementType.RECEIPT, entry, null);
    }

    /** Stock goes out (to a customer, to production); refused when there is not enough. */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public UUID issue(StockEntry entry) {
        return record(MovementType.ISSUE, entry, null);
    }

    /** A signed correction (breakage, a found box); a reason is required. */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
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
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
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

    /** A receipt of {@code articleId} as the stock screen enters it. Returns the movement's id. */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public UUID receive(UUID articleId, MovementForm form) {
        return record(MovementType.RECEIPT, entry(articleId, form), null);
    }

    /** An issue of {@code articleId} as the stock screen enters it; refused when there is not enough. */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public UUID issue(UUID articleId, MovementForm form) {
        return record(MovementType.ISSUE, entry(articleId, form), null);
    }

    /**
     * An adjustment of {@code articleId} as the adjustment dialog enters it: by a signed difference,
     * or to a quantity just counted (the difference to on hand now is recorded, in the article's own
     * unit). Returns the movement's id, or empty when the count matches on hand and nothing changes.
     */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public Optional<UUID> adjust(UUID articleId, AdjustmentForm form) {
        if (form == null || form.warehouseId() == null) {
            throw new ArticleRuleException("stock.error.article-and-warehouse-required");
        }
        if (form.reason() == null || form.reason().isBlank()) {
            throw new ArticleRuleException("stock.error.reason-required");
        }
        BigDecimal typed = form.quantity();
        boolean counted = form.mode() == AdjustmentForm.Mode.COUNTED;
        if (typed == null || (counted ? typed.signum() < 0 : typed.signum() == 0)) {
            throw new ArticleRuleException(counted ? "stock.error.count-negative" : "stock.error.quantity-required");
        }
        BigDecimal difference =
                counted ? typed.subtract(position(articleId, form.warehouseId()).onHand()) : typed;
        if (difference.signum() == 0) {
            return Optional.empty();
        }
        String reference = clean(form.document());
        return Optional.of(record(
                MovementType.ADJUSTMENT,
                new StockEntry(
                        articleId,
                        form.warehouseId(),
                        form.locationId(),
                        difference,
                        counted ? null : form.unitId(),
                        null,
                        form.reason().strip(),
                        reference == null ? null : MANUAL_SOURCE,
                        reference),
                null));
    }

    /** A transfer of {@code articleId} as the transfer dialog enters it. Returns the transfer's id. */
    @Transactional
    @RolesAllowed({ArticlePermissions.STOCK_MOVE, Roles.SYSTEM})
    public UUID transfer(UUID articleId, TransferForm form) {
        if (form == null) {
            throw new ArticleRuleException("stock.error.warehouse-not-found");
        }
        String reference = clean(form.document());
        return transfer(new TransferEntry(
                articleId,
                form.fromWarehouseId(),
                form.toWarehouseId(),
                form.quantity(),
                form.unitId(),
                clean(form.reason()),
                reference == null ? null : MANUAL_SOURCE,
                reference));
    }

    /** Where a movement typed on a screen comes from, next to the document reference typed with it. */
    public static final String MANUAL_SOURCE = "manual";

    private static StockEntry entry(UUID articleId, MovementForm form) {
        if (form == null) {
            throw new ArticleRuleException("stock.error.article-and-warehouse-required");
        }
        String reference = clean(form.document());
        return new StockEntry(
                articleId,
                form.warehouseId(),
                form.locationId(),
                form.quantity(),
                form.unitId(),
                null,
                clean(form.reason()),
                reference == null ? null : MANUAL_SOURCE,
                reference);
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** On hand and reserved of an article in a warehouse (zero when it never had stock there). */
    @Transactional(readOnly = true)
    @RolesAllowed({ArticlePermissions.STOCK_READ, Roles.SYSTEM})
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
    @RolesAllowed(ArticlePermissions.STOCK_READ)
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
    @RolesAllowed(ArticlePermissions.STOCK_READ)
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
    @RolesAllowed(ArticlePermissions.STOCK_READ)
    public List<BalanceRow> balancesOfArticle(UUID articleId) {
        return jdbc.sql(BALANCES + " WHERE b.article_id = :a ORDER BY w.code")
                .param("a", articleId)
                .query(StockListService.BALANCE)
                .list();
    }

    private UUID record(MovementType type, StockEntry entry, UUID transferId) {
        return ledger.record(type, entry, transferId);
    }

    private static final String BALANCES = """
            SELECT b.article_id, a.code AS article_code, a.name_es, a.name_en, u.code AS unit_code,
                   u.decimals AS unit_decimals, b.warehouse_id, w.code AS warehouse_code, b.on_hand, b.reserved, b.incoming
              FROM stock_balance b
              JOIN article a ON a.id = b.article_id
              JOIN unit_of_measure u ON u.id = a.unit_id
              JOIN warehouse w ON w.id = b.warehouse_id
            """;
}
