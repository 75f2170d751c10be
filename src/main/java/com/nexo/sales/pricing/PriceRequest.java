package com.nexo.sales.pricing;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** One line to price: an article and the quantity sold. */
public record PriceRequest(UUID articleId, BigDecimal quantity) {

    public PriceRequest {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(quantity, "quantity");
    }
}
