package com.nexo.articles.stock;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.Article;
import com.nexo.articles.catalogue.ArticleRepository;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitRepository;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseLocationRepository;
import com.nexo.articles.warehouses.WarehouseRepository;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes movements to the ledger. The database applies each one to its balance in the same
 * transaction (trigger {@code stock_movement_apply}) and refuses, with SQLSTATE NX001, an outgoing
 * movement that would leave negative stock in a warehouse that does not allow it.
 */
@Component
public class StockLedger {

    static final String INSUFFICIENT_STOCK = "NX001";

    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final WarehouseRepository warehouses;
    private final WarehouseLocationRepository locations;
    private final UnitRepository units;

    StockLedger(
            JdbcClient jdbc,
            ArticleRepository articles,
            WarehouseRepository warehouses,
            WarehouseLocationRepository locations,
            UnitRepository units) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.warehouses = warehouses;
        this.locations = locations;
        this.units = units;
    }

    /**
     * Checks and converts an entered movement, then writes it: the article must be stock-tracked
     * (and active, except for adjustments), the warehouse active, the location inside it, and the
     * entered unit of the article's kind.
     */
    public UUID record(MovementType type, StockEntry entry, UUID transferId) {
        return record(movement(type, entry, transferId), null);
    }

    /**
     * Checks and converts an entered movement as {@link #record(MovementType, StockEntry, UUID)} does,
     * without writing it: the movement's quantity is then known in the article's unit.
     */
    Movement movement(MovementType type, StockEntry entry, UUID transferId) {
        if (entry == null || entry.articleId() == null || entry.warehouseId() == null) {
            throw new ArticleRuleException("stock.error.article-and-warehouse-required");
        }
        Article article = articles.findById(entry.articleId())
                .orElseThrow(() -> new ArticleRuleException("articles.error.not-found"));
        if (!article.isStockTracked()) {
            throw new ArticleRuleException("stock.error.not-stock-tracked", article.getCode());
        }
        if (article.isArchived() && type != MovementType.ADJUSTMENT) {
            throw new ArticleRuleException("stock.error.article-archived", article.getCode());
        }
        Warehouse warehouse = warehouses
                .findById(entry.warehouseId())
                .orElseThrow(() -> new ArticleRuleException("stock.error.warehouse-not-found"));
        if (!warehouse.isActive()) {
            throw new ArticleRuleException("stock.error.warehouse-inactive", warehouse.getCode());
        }
        if (entry.locationId() != null
                && locations
                        .findById(entry.locationId())
                        .filter(location -> location.getWarehouseId().equals(warehouse.getId()))
                        .isEmpty()) {
            throw new ArticleRuleException("stock.error.location-not-in-warehouse");
        }
        UnitOfMeasure articleUnit = units.findById(article.getUnitId()).orElseThrow();
        UnitOfMeasure enteredUnit = entry.unitId() == null
                ? articleUnit
                : units.findById(entry.unitId())
                        .orElseThrow(() -> new ArticleRuleException("articles.error.unit-not-found"));
        BigDecimal entered = type.signed(entry.quantity());
        BigDecimal quantity = enteredUnit.convert(entered, articleUnit);
        if (quantity.signum() == 0) {
            throw new ArticleRuleException("stock.error.quantity-too-small");
        }
        return new Movement(
                type,
                article,
                warehouse,
                entry.locationId(),
                quantity,
                entered.abs(),
                enteredUnit.getId(),
                entry.movedAt(),
                entry.reason(),
                entry.sourceType(),
                entry.sourceRef(),
                transferId);
    }

    /** A movement to write: {@code quantity} is signed and in the article's unit. */
    record Movement(
            MovementType type,
            Article article,
            Warehouse warehouse,
            UUID locationId,
            BigDecimal quantity,
            BigDecimal enteredQuantity,
            UUID enteredUnitId,
            Instant movedAt,
            String reason,
            String sourceType,
            String sourceRef,
            UUID transferId) {}

    UUID record(Movement movement) {
        return record(movement, null);
    }

    /**
     * Writes a movement; {@code unitCost} is the cost per article unit of a receipt whose document
     * knew it (null otherwise).
     */
    UUID record(Movement movement, BigDecimal unitCost) {
        UUID id = com.nexo.base.Ids.newId();
        try {
            jdbc.sql("""
                            INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, location_id,
                                                        quantity, entered_quantity, entered_unit_id, moved_at,
                                                        reason, source_type, source_ref, transfer_id, unit_cost)
                            VALUES (:id, :type, :article, :warehouse, :location, :quantity, :entered, :unit,
                                    coalesce(:movedAt, now()), :reason, :sourceType, :sourceRef, :transfer,
                                    :unitCost)
                            """)
                    .param("id", id)
                    .param("type", movement.type().dbValue())
                    .param("article", movement.article().getId())
                    .param("warehouse", movement.warehouse().getId())
                    .param("location", movement.locationId(), java.sql.Types.OTHER)
                    .param("quantity", movement.quantity())
                    .param("entered", movement.enteredQuantity())
                    .param("unit", movement.enteredUnitId())
                    .param(
                            "movedAt",
                            movement.movedAt() == null
                                    ? null
                                    : java.time.OffsetDateTime.ofInstant(movement.movedAt(), java.time.ZoneOffset.UTC),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("reason", blankToNull(movement.reason()), java.sql.Types.VARCHAR)
                    .param("sourceType", blankToNull(movement.sourceType()), java.sql.Types.VARCHAR)
                    .param("sourceRef", blankToNull(movement.sourceRef()), java.sql.Types.VARCHAR)
                    .param("transfer", movement.transferId(), java.sql.Types.OTHER)
                    .param("unitCost", unitCost, java.sql.Types.NUMERIC)
                    .update();
        } catch (DataAccessException e) {
            if (isInsufficientStock(e)) {
                throw new ArticleRuleException(
                        "stock.error.insufficient",
                        movement.article().getCode(),
                        movement.warehouse().getCode());
            }
            throw e;
        }
        return id;
    }

    /**
     * Writes checked movements in one statement, in this order; {@code unitCosts} holds each one's
     * cost per article unit (an element may be null). Returns their ids, in the same order. The
     * balances move row by row as with {@link #record(Movement, BigDecimal)} (trigger).
     */
    List<UUID> recordAll(List<Movement> movements, List<BigDecimal> unitCosts) {
        int n = movements.size();
        if (n == 0) {
            return List.of();
        }
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        UUID[] articleIds = new UUID[n];
        UUID[] warehouseIds = new UUID[n];
        UUID[] locationIds = new UUID[n];
        BigDecimal[] quantities = new BigDecimal[n];
        BigDecimal[] entered = new BigDecimal[n];
        UUID[] unitIds = new UUID[n];
        String[] movedAt = new String[n];
        String[] reasons = new String[n];
        String[] sourceTypes = new String[n];
        String[] sourceRefs = new String[n];
        UUID[] transferIds = new UUID[n];
        BigDecimal[] costs = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Movement movement = movements.get(i);
            ids[i] = com.nexo.base.Ids.newId();
            types[i] = movement.type().dbValue();
            articleIds[i] = movement.article().getId();
            warehouseIds[i] = movement.warehouse().getId();
            locationIds[i] = movement.locationId();
            quantities[i] = movement.quantity();
            entered[i] = movement.enteredQuantity();
            unitIds[i] = movement.enteredUnitId();
            movedAt[i] = movement.movedAt() == null ? null : movement.movedAt().toString();
            reasons[i] = blankToNull(movement.reason());
            sourceTypes[i] = blankToNull(movement.sourceType());
            sourceRefs[i] = blankToNull(movement.sourceRef());
            transferIds[i] = movement.transferId();
            costs[i] = unitCosts.get(i);
        }
        try {
            jdbc.sql(INSERT_ALL)
                    .param("ids", ids)
                    .param("types", types)
                    .param("articles", articleIds)
                    .param("warehouses", warehouseIds)
                    .param("locations", locationIds)
                    .param("quantities", quantities)
                    .param("entered", entered)
                    .param("units", unitIds)
                    .param("movedAt", movedAt)
                    .param("reasons", reasons)
                    .param("sourceTypes", sourceTypes)
                    .param("sourceRefs", sourceRefs)
                    .param("transfers", transferIds)
                    .param("unitCosts", costs)
                    .update();
        } catch (DataAccessException e) {
            if (isInsufficientStock(e)) {
                Movement first = movements.getFirst();
                throw new ArticleRuleException(
                        "stock.error.insufficient",
                        first.article().getCode(),
                        first.warehouse().getCode());
            }
            throw e;
        }
        return List.of(ids);
    }

    /** Movements in one statement, in the order of the arrays (WITH ORDINALITY keeps it). */
    private static final String INSERT_ALL = """
            INSERT INTO stock_movement (id, movement_type, article_id, warehouse_id, location_id, quantity,
                                        entered_quantity, entered_unit_id, moved_at, reason, source_type, source_ref,
                                        transfer_id, unit_cost)
            SELECT m.id, m.movement_type, m.article_id, m.warehouse_id, m.location_id, m.quantity, m.entered_quantity,
                   m.entered_unit_id, coalesce(m.moved_at, now()), m.reason, m.source_type, m.source_ref,
                   m.transfer_id, m.unit_cost
              FROM unnest(CAST(:ids AS uuid[]), CAST(:types AS text[]), CAST(:articles AS uuid[]),
                          CAST(:warehouses AS uuid[]), CAST(:locations AS uuid[]), CAST(:quantities AS numeric[]),
                          CAST(:entered AS numeric[]), CAST(:units AS uuid[]), CAST(:movedAt AS timestamptz[]),
                          CAST(:reasons AS text[]), CAST(:sourceTypes AS text[]), CAST(:sourceRefs AS text[]),
                          CAST(:transfers AS uuid[]), CAST(:unitCosts AS numeric[]))
                   WITH ORDINALITY AS m(id, movement_type, article_id, warehouse_id, location_id, quantity,
                                        entered_quantity, entered_unit_id, moved_at, reason, source_type,
                                        source_ref, transfer_id, unit_cost, n)
             ORDER BY m.n
            """;

    static boolean isInsufficientStock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && INSUFFICIENT_STOCK.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
