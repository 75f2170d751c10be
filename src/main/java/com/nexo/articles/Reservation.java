package com.nexo.articles;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A reservation of stock for an order. */
public record Reservation(
        UUID id,
        UUID articleId,
        UUID warehouseId,
        BigDecimal quantity,
        String sourceType,
        String sourceRef,
        String status,
        UUID movementId,
        Instant createdAt) {

    public boolean isOpen() {
        return "open".equals(status);
    }
}
