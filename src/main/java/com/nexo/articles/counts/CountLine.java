package com.nexo.articles.counts;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One article of a stock count: what the books said when the count started ({@code expected}) and
 * what was counted (null while not counted yet), in the article's unit (shown with
 * {@code unitDecimals} decimals).
 */
public record CountLine(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        BigDecimal expected,
        BigDecimal counted,
        int unitDecimals) {

    /** The article's name in the language of {@code locale} (English for "en", Spanish otherwise). */
    public String articleName(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }

    /** The same line with another counted quantity. */
    public CountLine withCounted(BigDecimal value) {
        return new CountLine(
                articleId, articleCode, articleNameEs, articleNameEn, unitCode, expected, value, unitDecimals);
    }

    public boolean isCounted() {
        return counted != null;
    }

    /** Counted minus expected: the adjustment posting will write (zero while not counted). */
    public BigDecimal difference() {
        return counted == null ? BigDecimal.ZERO : counted.subtract(expected);
    }

    public boolean hasDifference() {
        return difference().signum() != 0;
    }
}
