package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A movement of the ledger as the history shows it; {@code quantity} is signed, in the article's unit
 * (shown with {@code unitDecimals} decimals); {@code enteredQuantity} in the unit it was entered in.
 */
@NamedInterface("stock")
public record MovementRow(
        UUID id,
        MovementType type,
        UUID articleId,
        UUID warehouseId,
        String warehouseCode,
        UUID locationId,
        BigDecimal quantity,
        BigDecimal enteredQuantity,
        String enteredUnitCode,
        Instant movedAt,
        String reason,
        String sourceType,
        String sourceRef,
        UUID transferId,
        UUID userId,
        int unitDecimals,
        int enteredUnitDecimals) {}
