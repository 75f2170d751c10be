package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The price a supplier is expected to charge for a quantity of an article, as an order line
 * proposes it: from the quantity break that applies ({@link Source#BREAK}, with its minimum), else
 * the last price it was bought at ({@link Source#LAST_PRICE}), with the supplier's code, lead time
 * and minimum order. In bulk answers ({@link SupplierPriceService#pricesFor}) a supplier that sells
 * the article but has no price for it yet answers {@link Source#NONE} with a null price, so that its
 * code and lead time are still known.
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
        LAST_PRICE,
        /** No break applies and nothing was bought yet: {@code unitPrice} is null. */
        NONE
    }

    /** Whether there is a price (a break or a last price). */
    public boolean priced() {
        return unitPrice != null;
    }
}
