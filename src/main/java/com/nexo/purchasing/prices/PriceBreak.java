package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A supplier's price for an article from a quantity up: {@code unitPrice} applies to orders of at
 * least {@code minQuantity}, in the supplier article's currency.
 */
public record PriceBreak(BigDecimal minQuantity, BigDecimal unitPrice) {

    public PriceBreak {
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
