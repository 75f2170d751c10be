package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One receipt, issue or adjustment as entered: the quantity in {@code unitId} (the article's own
 * unit when null), when it happened ({@code movedAt}, now when null), why, and the document that
 * caused it ({@code sourceType} such as "purchase-receipt" and its reference).
 */
@NamedInterface("stock")
public record StockEntry(
        UUID articleId,
        UUID warehouseId,
        UUID locationId,
        BigDecimal quantity,
        UUID unitId,
        Instant movedAt,
        String reason,
        String sourceType,
        String sourceRef) {

    public static StockEntry of(UUID articleId, UUID warehouseId, BigDecimal quantity, String reason) {
        return new StockEntry(articleId, warehouseId, null, quantity, null, null, reason, null, null);
    }

    public StockEntry withSource(String type, String reference) {
        return new StockEntry(articleId, warehouseId, locationId, quantity, unitId, movedAt, reason, type, reference);
    }
}
