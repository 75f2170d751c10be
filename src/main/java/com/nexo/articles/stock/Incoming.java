package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What is on order of an article for a warehouse and not yet received: an absolute quantity in the
 * article's unit, as purchasing computes it from its open orders.
 */
@NamedInterface("stock")
public record Incoming(UUID articleId, UUID warehouseId, BigDecimal quantity) {

    public Incoming {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() < 0) {
            throw new IllegalArgumentException("Incoming stock is not negative: " + quantity);
        }
    }
}
