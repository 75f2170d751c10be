package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Stock of one article in one warehouse, with what is on order for it (incoming, not yet received). */
@NamedInterface("stock")
public record BalanceRow(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        UUID warehouseId,
        String warehouseCode,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal incoming,
        int unitDecimals) {

    /** The article's name in the language of {@code locale} (English for "en", Spanish otherwise). */
    public String articleName(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }
}
