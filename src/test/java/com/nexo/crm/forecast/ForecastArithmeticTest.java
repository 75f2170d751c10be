package com.nexo.crm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastArithmeticTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Test
    void a_weighted_value_is_the_amount_times_the_probability_over_a_hundred_exactly() {
        assertThat(ForecastArithmetic.weighted(new BigDecimal("1000.00"), 25)).isEqualByComparingTo("250");
        assertThat(ForecastArithmetic.weighted(new BigDecimal("0.01"), 33)).isEqualByComparingTo("0.0033");
        assertThat(ForecastArithmetic.weighted(new BigDecimal("999.99"), 0)).isEqualByComparingTo("0");
        assertThat(ForecastArithmetic.weighted(new BigDecimal("999.99"), 100)).isEqualByComparingTo("999.99");
        assertThatThrownBy(() -> ForecastArithmetic.weighted(BigDecimal.ONE, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weighted_values_are_summed_exactly_and_rounded_once_half_up_to_cents() {
        // Three deals of 0.05 at 50 %: 0.025 each. Rounded one by one they would show 0.09; the sum shows 0.08.
        BigDecimal exact = List.of(0, 1, 2).stream()
                .map(i -> ForecastArithmetic.weighted(new BigDecimal("0.05"), 50))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ForecastArithmetic.money(exact)).isEqualTo(new BigDecimal("0.08"));
        assertThat(ForecastArithmetic.money(new BigDecimal("0.125"))).isEqualTo(new BigDecimal("0.13"));
        assertThat(ForecastArithmetic.money(new BigDecimal("0.1249"))).isEqualTo(new BigDecimal("0.12"));
        assertThat(ForecastArithmetic.money(null)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void an_open_deal_counts_in_the_month_of_its_expected_close_date_up_to_the_last_day() {
        assertThat(ForecastArithmetic.monthOf(LocalDate.of(2026, 1, 31))).isEqualTo(YearMonth.of(2026, 1));
        assertThat(ForecastArithmetic.monthOf(LocalDate.of(2026, 2, 1))).isEqualTo(YearMonth.of(2026, 2));
        assertThat(ForecastArithmetic.monthOf(LocalDate.of(2028, 2, 29))).isEqualTo(YearMonth.of(2028, 2));
    }

    @Test
    void a_won_deal_counts_in_the_month_the_business_calendar_reads_at_the_moment_it_was_won() {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Madrid (UTC+1 in winter).
        Instant lateJanuaryUtc = Instant.parse("2026-01-31T23:30:00Z");
        assertThat(ForecastArithmetic.monthOf(lateJanuaryUtc, MADRID)).isEqualTo(YearMonth.of(2026, 2));
        assertThat(ForecastArithmetic.monthOf(lateJanuaryUtc, ZoneOffset.UTC)).isEqualTo(YearMonth.of(2026, 1));
        // 22:30 UTC on 31 July is 00:30 on 1 August in Madrid (UTC+2 in summer).
        assertThat(ForecastArithmetic.monthOf(Instant.parse("2026-07-31T22:30:00Z"), MADRID))
                .isEqualTo(YearMonth.of(2026, 8));
        assertThat(ForecastArithmetic.monthOf(Instant.parse("2026-07-31T21:59:59Z"), MADRID))
                .isEqualTo(YearMonth.of(2026, 7));
    }

    @Test
    void a_month_starts_at_midnight_of_its_first_day_in_the_business_zone() {
        assertThat(ForecastArithmetic.startOf(YearMonth.of(2026, 2), MADRID))
                .isEqualTo(Instant.parse("2026-01-31T23:00:00Z"));
        assertThat(ForecastArithmetic.startOf(YearMonth.of(2026, 8), MADRID))
                .isEqualTo(Instant.parse("2026-07-31T22:00:00Z"));
    }

    @Test
    void won_against_target_is_a_whole_percent_rounded_half_up_and_none_without_a_target() {
        assertThat(ForecastArithmetic.percent(new BigDecimal("500"), new BigDecimal("1000")))
                .isEqualTo(50);
        assertThat(ForecastArithmetic.percent(new BigDecimal("1"), new BigDecimal("200")))
                .isEqualTo(1); // 0.5 % rounds up
        assertThat(ForecastArithmetic.percent(new BigDecimal("1"), new BigDecimal("201")))
                .isZero();
        assertThat(ForecastArithmetic.percent(new BigDecimal("3000"), new BigDecimal("1000")))
                .isEqualTo(300);
        assertThat(ForecastArithmetic.percent(null, new BigDecimal("1000"))).isZero();
        assertThat(ForecastArithmetic.percent(new BigDecimal("10"), BigDecimal.ZERO))
                .isNull();
        assertThat(ForecastArithmetic.percent(new BigDecimal("10"), null)).isNull();
    }

    @Test
    void every_month_of_the_period_is_present_and_an_empty_one_is_zero() {
        Map<YearMonth, BigDecimal> found = new HashMap<>();
        found.put(YearMonth.of(2026, 12), new BigDecimal("10.005"));
        found.put(YearMonth.of(2027, 2), new BigDecimal("7"));

        Map<YearMonth, BigDecimal> all =
                ForecastArithmetic.everyMonth(YearMonth.of(2026, 11), YearMonth.of(2027, 2), found);

        assertThat(all.keySet())
                .containsExactly(
                        YearMonth.of(2026, 11), YearMonth.of(2026, 12), YearMonth.of(2027, 1), YearMonth.of(2027, 2));
        assertThat(all.values())
                .containsExactly(
                        new BigDecimal("0.00"),
                        new BigDecimal("10.01"),
                        new BigDecimal("0.00"),
                        new BigDecimal("7.00"));
    }

    @Test
    void the_periods_on_offer_are_whole_months_around_today() {
        LocalDate today = LocalDate.of(2026, 11, 15);
        assertThat(ForecastPeriod.Choice.THIS_QUARTER.on(today))
                .isEqualTo(new ForecastPeriod(YearMonth.of(2026, 10), YearMonth.of(2026, 12)));
        assertThat(ForecastPeriod.Choice.NEXT_QUARTER.on(today))
                .isEqualTo(new ForecastPeriod(YearMonth.of(2027, 1), YearMonth.of(2027, 3)));
        assertThat(ForecastPeriod.Choice.NEXT_SIX_MONTHS.on(today))
                .isEqualTo(new ForecastPeriod(YearMonth.of(2026, 11), YearMonth.of(2027, 4)));
        assertThat(ForecastPeriod.Choice.THIS_YEAR.on(today))
                .isEqualTo(new ForecastPeriod(YearMonth.of(2026, 1), YearMonth.of(2026, 12)));
        assertThat(ForecastPeriod.Choice.NEXT_SIX_MONTHS.on(today).until()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThatThrownBy(() -> new ForecastPeriod(YearMonth.of(2026, 5), YearMonth.of(2026, 4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ForecastPeriod(YearMonth.of(2026, 1), YearMonth.of(2029, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
