package com.nexo.articles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A movement of the ledger as the history shows it; {@code quantity} is signed, in the article's unit. */
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
        UUID userId) {}
