package com.nexo.crm.board;

import java.math.BigDecimal;

/**
 * What a column's header shows: how many open opportunities, the sum of their amounts and the
 * expected revenue (the sum of amount × probability).
 */
public record ColumnTotals(long count, BigDecimal amount, BigDecimal expected) {

    public static final ColumnTotals NONE = new ColumnTotals(0, BigDecimal.ZERO, BigDecimal.ZERO);
}
