package com.nexo.crm.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forecast's arithmetic, written down once (the SQL of {@link ForecastService} follows the same
 * rules; the tests of this class state them):
 *
 * <ul>
 *   <li>An open opportunity's weighted value is its amount × its probability / 100, exactly (cents ×
 *       a whole percent has at most four decimals). Weighted values are summed exactly and each sum
 *       shown is rounded once, half up, to cents: a month's, an owner's and the period's total are
 *       each rounded from their exact sums, so the months shown may add up to a cent more or less
 *       than the total shown.
 *   <li>An open opportunity counts in the month of its expected close date (a date, no time zone).
 *       A won opportunity counts in the month in which it was closed ({@code closed_at}, a moment),
 *       as a calendar in the business's time zone reads it: a deal won at 23:30 UTC on 31 January is
 *       February's in Madrid.
 *   <li>Won against target is won × 100 / target, rounded half up to a whole percent; there is no
 *       percentage (null) when there is no target or it is zero.
 *   <li>Every month of the period is present, at zero when nothing falls in it.
 * </ul>
 */
public final class ForecastArithmetic {

    /** Cents. */
    public static final int SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ForecastArithmetic() {}

    /** An opportunity's weighted value, exact: amount × probability / 100. */
    public static BigDecimal weighted(BigDecimal amount, int probability) {
        if (probability < 0 || probability > 100) {
            throw new IllegalArgumentException("probability " + probability);
        }
        return amount.multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
    }

    /** A sum as it is shown: rounded half up to cents (null counts as zero). */
    public static BigDecimal money(BigDecimal exact) {
        return (exact == null ? BigDecimal.ZERO : exact).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The month an open opportunity expected to close on {@code expectedClose} counts in. */
    public static YearMonth monthOf(LocalDate expectedClose) {
        return YearMonth.from(expectedClose);
    }

    /** The month a deal closed at {@code closedAt} counts in, on the calendar of {@code zone}. */
    public static YearMonth monthOf(Instant closedAt, ZoneId zone) {
        return YearMonth.from(closedAt.atZone(zone));
    }

    /** The first moment of {@code month} in {@code zone} (where a period of won deals starts). */
    public static Instant startOf(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** Won against target in whole percent, half up; null without a (non-zero) target. */
    public static Integer percent(BigDecimal won, BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        BigDecimal wonOrZero = won == null ? BigDecimal.ZERO : won;
        return wonOrZero
                .multiply(HUNDRED)
                .divide(target, 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /** The months from {@code from} to {@code to}, both included, in order. */
    public static List<YearMonth> months(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(from + " after " + to);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /** {@code found} with every month of the period present, in order: a missing one at zero. */
    public static Map<YearMonth, BigDecimal> everyMonth(
            YearMonth from, YearMonth to, Map<YearMonth, BigDecimal> found) {
        Map<YearMonth, BigDecimal> all = new LinkedHashMap<>();
        for (YearMonth month : months(from, to)) {
            all.put(month, money(found.get(month)));
        }
        return all;
    }

    /** Adds {@code value} (null: nothing) to the exact sum kept under {@code key}. */
    public static <K> void add(Map<K, BigDecimal> sums, K key, BigDecimal value) {
        if (value != null) {
            sums.merge(key, value, BigDecimal::add);
        }
    }
}
