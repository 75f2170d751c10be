package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The weighted average cost of an article after a receipt: the stock already there keeps its cost,
 * the received quantity brings its own, and the article's cost becomes the average of the two
 * weighted by quantity. Stock below zero before the receipt (a warehouse that allows negative
 * stock) counts as none: the receipt's unit cost is then the new cost. The result is rounded
 * half-up to {@value #SCALE} decimals, the scale of {@code article.cost}.
 */
public final class WeightedAverageCost {

    /** Decimals of a cost ({@code numeric(14, 4)}). */
    public static final int SCALE = 4;

    private WeightedAverageCost() {}

    /**
     * {@code (max(onHandBefore, 0) × previousCost + quantity × unitCost) / (max(onHandBefore, 0) +
     * quantity)}, rounded half-up to four decimals; {@code unitCost} itself (at four decimals) when
     * nothing was on hand.
     *
     * @param onHandBefore the article's on hand over all warehouses before the receipt, in its unit
     * @param previousCost the article's cost before the receipt, per article unit
     * @param quantity the quantity received, in the article's unit, greater than zero
     * @param unitCost the receipt's cost per article unit, zero or more
     */
    public static BigDecimal next(
            BigDecimal onHandBefore, BigDecimal previousCost, BigDecimal quantity, BigDecimal unitCost) {
        Objects.requireNonNull(onHandBefore, "onHandBefore");
        Objects.requireNonNull(previousCost, "previousCost");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitCost, "unitCost");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("A receipt's quantity must be greater than zero: " + quantity);
        }
        if (unitCost.signum() < 0 || previousCost.signum() < 0) {
            throw new IllegalArgumentException("A cost cannot be negative");
        }
        BigDecimal before = onHandBefore.signum() > 0 ? onHandBefore : BigDecimal.ZERO;
        if (before.signum() == 0) {
            return unitCost.setScale(SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal value = before.multiply(previousCost).add(quantity.multiply(unitCost));
        return value.divide(before.add(quantity), SCALE, RoundingMode.HALF_UP);
    }
}
