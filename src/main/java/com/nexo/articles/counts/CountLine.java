package com.nexo.articles.counts;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One article of a stock count: what the books said when the count started ({@code expected}) and
 * what was counted (null while not counted yet).
 */
public record CountLine(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        BigDecimal expected,
        BigDecimal counted) {

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
