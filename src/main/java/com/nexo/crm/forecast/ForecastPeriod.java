package com.nexo.crm.forecast;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The months a forecast covers, {@code from} to {@code to}, both included; at most {@link
 * #MAX_MONTHS}.
 */
public record ForecastPeriod(YearMonth from, YearMonth to) {

    public static final int MAX_MONTHS = 36;

    public ForecastPeriod {
        if (from == null
                || to == null
                || to.isBefore(from)
                || from.plusMonths(MAX_MONTHS).isBefore(to.plusMonths(1))) {
            throw new IllegalArgumentException("period " + from + ".." + to);
        }
    }

    /** The periods the forecast page offers. */
    public enum Choice {
        THIS_QUARTER,
        NEXT_QUARTER,
        NEXT_SIX_MONTHS,
        THIS_YEAR,
        NEXT_TWELVE_MONTHS;

        /** The period this choice means on {@code today}. */
        public ForecastPeriod on(LocalDate today) {
            YearMonth month = YearMonth.from(today);
            YearMonth quarter = YearMonth.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1);
            return switch (this) {
                case THIS_QUARTER -> new ForecastPeriod(quarter, quarter.plusMonths(2));
                case NEXT_QUARTER -> new ForecastPeriod(quarter.plusMonths(3), quarter.plusMonths(5));
                case NEXT_SIX_MONTHS -> new ForecastPeriod(month, month.plusMonths(5));
                case THIS_YEAR ->
                    new ForecastPeriod(YearMonth.of(today.getYear(), 1), YearMonth.of(today.getYear(), 12));
                case NEXT_TWELVE_MONTHS -> new ForecastPeriod(month, month.plusMonths(11));
            };
        }
    }

    /** The day after the period's last one (the end of a half-open range). */
    public LocalDate until() {
        return to.plusMonths(1).atDay(1);
    }
}
