package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A reservation of stock for an order. */
@NamedInterface("stock")
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
