package com.nexo.production.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An order's actual cost against its standard: the standard is the standard unit cost (materials and
 * services) times what was produced; the actual is what was consumed at cost and the time recorded
 * on its tasks. Variance = actual − standard (positive: it cost more than it should have); its
 * percentage is of the standard, null when the standard is zero.
 */
public record CostComparison(
        BigDecimal produced,
        BigDecimal standardMaterial,
        BigDecimal standardService,
        BigDecimal standardTotal,
        BigDecimal actualMaterial,
        BigDecimal actualService,
        BigDecimal actualTotal,
        BigDecimal standardPerUnit,
        BigDecimal actualPerUnit,
        BigDecimal variance,
        BigDecimal variancePercent) {

    private static final int MONEY = 2;
    private static final int UNIT = 4;

    /**
     * The comparison for {@code produced} units made at a standard of {@code standardMaterialPerUnit}
     * and {@code standardServicePerUnit} per unit (null: unknown, taken as zero), that actually cost
     * {@code actualMaterial} and {@code actualService}. With nothing produced, the actual per unit is null.
     */
    public static CostComparison of(
            BigDecimal produced,
            BigDecimal standardMaterialPerUnit,
            BigDecimal standardServicePerUnit,
            BigDecimal actualMaterial,
            BigDecimal actualService) {
        BigDecimal made = zeroIfNull(produced);
        BigDecimal materialPerUnit = zeroIfNull(standardMaterialPerUnit);
        BigDecimal servicePerUnit = zeroIfNull(standardServicePerUnit);
        BigDecimal standardMaterial = materialPerUnit.multiply(made).setScale(MONEY, RoundingMode.HALF_UP);
        BigDecimal standardService = servicePerUnit.multiply(made).setScale(MONEY, RoundingMode.HALF_UP);
        BigDecimal standardTotal = standardMaterial.add(standardService);
        BigDecimal material = zeroIfNull(actualMaterial).setScale(MONEY, RoundingMode.HALF_UP);
        BigDecimal service = zeroIfNull(actualService).setScale(MONEY, RoundingMode.HALF_UP);
        BigDecimal actualTotal = material.add(service);
        BigDecimal actualPerUnit = made.signum() > 0 ? actualTotal.divide(made, UNIT, RoundingMode.HALF_UP) : null;
        BigDecimal variance = actualTotal.subtract(standardTotal);
        BigDecimal percent = standardTotal.signum() != 0
                ? variance.multiply(BigDecimal.valueOf(100)).divide(standardTotal, MONEY, RoundingMode.HALF_UP)
                : null;
        return new CostComparison(
                made,
                standardMaterial,
                standardService,
                standardTotal,
                material,
                service,
                actualTotal,
                materialPerUnit.add(servicePerUnit).setScale(UNIT, RoundingMode.HALF_UP),
                actualPerUnit,
                variance,
                percent);
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
