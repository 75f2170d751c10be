package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One supplier, article and quantity whose price is asked for in bulk ({@link
 * SupplierPriceService#pricesFor}). A null quantity matches no break (only the last price).
 */
public record PriceRequest(UUID supplierId, UUID articleId, BigDecimal quantity) {

    public PriceRequest {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(articleId, "articleId");
    }
}
