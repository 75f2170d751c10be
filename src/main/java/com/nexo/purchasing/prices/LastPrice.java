package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A price an article was bought at from a supplier, on a date, by a document (a receipt). */
public record LastPrice(UUID supplierId, UUID articleId, BigDecimal unitPrice, LocalDate date, UUID documentId) {

    public LastPrice {
        Objects.requireNonNull(supplierId, "supplierId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(date, "date");
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("A price is not negative: " + unitPrice);
        }
    }
}
