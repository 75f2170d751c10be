package com.nexo.production.boms;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of scrap, one definition for the explosion, the roll-up and the release: a line that
 * loses {@code scrapPercent} of what goes in needs {@code quantity * 100 / (100 - scrapPercent)} to
 * deliver {@code quantity}. The roll-up's SQL applies the same formula.
 */
public final class Scrap {

    /** Scale of a required quantity, as the order's material lines keep it. */
    public static final int QUANTITY_SCALE = 4;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scrap() {}

    /** What must go in per unit made for a line of {@code quantity} with {@code scrapPercent} lost (full precision). */
    public static BigDecimal gross(BigDecimal quantity, BigDecimal scrapPercent) {
        if (scrapPercent == null || scrapPercent.signum() == 0) {
            return quantity;
        }
        if (scrapPercent.signum() < 0 || scrapPercent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("scrap is at least 0 and below 100 percent: " + scrapPercent);
        }
        return quantity.multiply(HUNDRED).divide(HUNDRED.subtract(scrapPercent), 12, RoundingMode.HALF_UP);
    }

    /** What must go in to make {@code made} units: {@link #gross} times {@code made}, rounded up to the quantity scale. */
    public static BigDecimal required(BigDecimal quantity, BigDecimal scrapPercent, BigDecimal made) {
        return gross(quantity, scrapPercent).multiply(made).setScale(QUANTITY_SCALE, RoundingMode.UP);
    }
}
