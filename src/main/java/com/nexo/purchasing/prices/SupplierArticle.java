package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a supplier sells of an article: the supplier's own code, lead time, minimum order, currency,
 * the last price it was bought at (and when, and on which receipt) and its quantity breaks (lowest
 * minimum first). The supplier's name and the article's code and names are read through the
 * accounts and articles modules for display.
 */
public record SupplierArticle(
        UUID id,
        UUID supplierId,
        String supplierName,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String supplierCode,
        Integer leadTimeDays,
        BigDecimal minOrderQty,
        String currency,
        BigDecimal lastPrice,
        LocalDate lastPriceOn,
        UUID lastDocumentId,
        List<PriceBreak> breaks,
        long version) {

    public SupplierArticle {
        breaks = breaks == null ? List.of() : List.copyOf(breaks);
    }

    /** The article's name in {@code language} ("en" for English, Spanish otherwise). */
    public String articleName(String language) {
        return "en".equals(language) ? articleNameEn : articleNameEs;
    }
}
