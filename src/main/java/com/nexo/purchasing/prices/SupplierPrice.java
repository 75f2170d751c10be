package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The price a supplier is expected to charge for a quantity of an article, as an order line
 * proposes it: from the quantity break that applies ({@link Source#BREAK}, with its minimum), else
 * the last price it was bought at ({@link Source#LAST_PRICE}), with the supplier's code, lead time
 * and minimum order.
 */
public record SupplierPrice(
        UUID supplierArticleId,
        UUID supplierId,
        UUID articleId,
        BigDecimal unitPrice,
        String currency,
        Source source,
        BigDecimal breakMinQuantity,
        String supplierCode,
        Integer leadTimeDays,
        BigDecimal minOrderQty) {

    /** Where the price comes from. */
    public enum Source {
        BREAK,
        LAST_PRICE
    }
}
