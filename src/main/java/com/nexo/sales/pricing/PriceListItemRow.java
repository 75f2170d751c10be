package com.nexo.sales.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An item of a price list as its page shows it, with the article's code and names (read through the
 * articles module; blank when the article is not visible).
 */
public record PriceListItemRow(
        UUID id,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        BigDecimal salePrice,
        BigDecimal minQuantity,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        long version) {

    /** The article's name in {@code language} ("en" or Spanish). */
    public String articleName(String language) {
        return "en".equals(language) ? articleNameEn : articleNameEs;
    }

    /** The item as its row edits it. */
    public PriceListItemForm form() {
        return new PriceListItemForm(id, version, articleId, minQuantity, unitPrice, discountPercent);
    }
}
