package com.nexo.articles.replenishment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * An article below its minimum in a warehouse, with what is already on order for it (incoming), what
 * to order besides (in the article's unit, rounded up to the unit's decimals) and from whom.
 */
public record ReplenishmentRow(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        int unitDecimals,
        UUID warehouseId,
        String warehouseCode,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal incoming,
        BigDecimal minimum,
        BigDecimal maximum,
        BigDecimal toOrder,
        UUID defaultSupplierId,
        String supplierName) {

    /** The same row with its supplier's name (looked up apart: suppliers are the accounts module's). */
    public ReplenishmentRow withSupplierName(String name) {
        return new ReplenishmentRow(
                articleId,
                articleCode,
                articleNameEs,
                articleNameEn,
                unitCode,
                unitDecimals,
                warehouseId,
                warehouseCode,
                onHand,
                reserved,
                incoming,
                minimum,
                maximum,
                toOrder,
                defaultSupplierId,
                name);
    }

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    /** What the minimum is compared with: available + incoming. */
    public BigDecimal projected() {
        return available().add(incoming);
    }

    /** The article's name in the user's language (Spanish unless English is asked for). */
    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }
}
