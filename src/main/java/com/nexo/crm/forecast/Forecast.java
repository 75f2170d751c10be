package com.nexo.crm.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A forecast: per month of the period and per owner, the open pipeline (unweighted), its weighted
 * value (amount × probability), what was won and the target, with the totals of the period. Amounts
 * are rounded to cents as {@link ForecastArithmetic} says; {@code wonPercent} is null without a target.
 */
public record Forecast(
        ForecastPeriod period,
        ForecastFilter filter,
        List<MonthFigures> months,
        List<OwnerFigures> owners,
        Figures total) {

    /** The figures of one slice. */
    public record Figures(
            BigDecimal pipeline,
            BigDecimal weighted,
            long openCount,
            BigDecimal won,
            long wonCount,
            BigDecimal target,
            Integer wonPercent) {}

    public record MonthFigures(YearMonth month, Figures figures) {}

    /** An owner's figures; {@code ownerId} null: the opportunities nobody owns. */
    public record OwnerFigures(UUID ownerId, String ownerName, Figures figures) {}
}
