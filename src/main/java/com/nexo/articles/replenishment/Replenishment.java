package com.nexo.articles.replenishment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The replenishment rule: below the minimum, order up to the maximum. What is compared is the stock
 * to come: on hand − reserved + incoming (on order from suppliers, not yet received), so that what is
 * already ordered is not proposed again (migration V47 computes the same in the database).
 */
public final class Replenishment {

    private Replenishment() {}

    /** The stock to come: on hand − reserved + incoming. */
    public static BigDecimal projected(BigDecimal onHand, BigDecimal reserved, BigDecimal incoming) {
        return onHand.subtract(reserved).add(incoming);
    }

    /** Whether the stock to come ({@code available}: on hand − reserved + incoming) is below the minimum. */
    public static boolean isBelowMinimum(BigDecimal available, BigDecimal minimum) {
        return available.compareTo(minimum) < 0;
    }

    /** What to order to bring {@code available} up to {@code maximum}; zero when not below the minimum. */
    public static BigDecimal quantityToOrder(BigDecimal available, BigDecimal minimum, BigDecimal maximum) {
        if (!isBelowMinimum(available, minimum)) {
            return BigDecimal.ZERO;
        }
        return maximum.subtract(available);
    }

    /**
     * The same, in whole steps of the article's unit ({@code decimals} of them: 0 for pieces): rounded
     * up, since ordering less than the gap would leave the article short of its maximum.
     */
    public static BigDecimal quantityToOrder(
            BigDecimal available, BigDecimal minimum, BigDecimal maximum, int decimals) {
        return quantityToOrder(available, minimum, maximum).setScale(Math.max(0, decimals), RoundingMode.CEILING);
    }
}
