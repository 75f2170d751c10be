package com.nexo.base.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Formats SPANISH = new Formats(Locale.of("es"), MADRID);
    private static final Formats ENGLISH = new Formats(Locale.ENGLISH, MADRID);

    @Test
    void money_reads_as_each_language_writes_it_with_the_currencys_decimals() {
        assertThat(SPANISH.money(new BigDecimal("89"), "EUR")).isEqualTo("89,00\u00a0€");
        assertThat(ENGLISH.money(new BigDecimal("89"), "EUR")).isEqualTo("€89.00");
        assertThat(SPANISH.money(new BigDecimal("1234.565"), "EUR")).isEqualTo("1.234,57\u00a0€");
        assertThat(ENGLISH.money(new BigDecimal("1234.565"), "USD")).isEqualTo("$1,234.57");
        assertThat(SPANISH.money(null, "EUR")).isEmpty();
    }

    @Test
    void prices_keep_up_to_four_decimals_when_they_have_them() {
        assertThat(SPANISH.price(new BigDecimal("0.1250"), "EUR")).isEqualTo("0,125\u00a0€");
        assertThat(ENGLISH.price(new BigDecimal("12.5"), "EUR")).isEqualTo("€12.50");
    }

    @Test
    void quantities_show_no_more_decimals_than_their_unit_and_no_trailing_zeros() {
        assertThat(SPANISH.quantity(new BigDecimal("12.000000"), 0)).isEqualTo("12");
        assertThat(SPANISH.quantity(new BigDecimal("12.500000"), 3)).isEqualTo("12,5");
        assertThat(ENGLISH.quantity(new BigDecimal("1234.125"), 3)).isEqualTo("1,234.125");
        assertThat(ENGLISH.quantity(new BigDecimal("-3"), 0)).isEqualTo("-3");
    }

    @Test
    void integers_and_percentages_follow_the_language() {
        assertThat(SPANISH.integer(950_000)).isEqualTo("950.000");
        assertThat(ENGLISH.integer(950_000)).isEqualTo("950,000");
        assertThat(SPANISH.percent(new BigDecimal("21"))).isEqualTo("21\u00a0%");
        assertThat(ENGLISH.percent(new BigDecimal("10.5"))).isEqualTo("10.5%");
    }

    @Test
    void one_moment_shows_the_same_clock_time_in_every_format_of_a_zone() {
        Instant moment = Instant.parse("2026-07-01T10:43:00Z");

        assertThat(SPANISH.dateTime(moment)).contains("12:43");
        assertThat(SPANISH.time(moment)).isEqualTo("12:43");
        assertThat(ENGLISH.dateTime(moment)).contains("12:43");
        assertThat(new Formats(Locale.ENGLISH, ZoneId.of("UTC")).time(moment)).isEqualTo("10:43\u202fAM");
        assertThat(SPANISH.date(moment)).isEqualTo("1 jul 2026");
        assertThat(ENGLISH.date(LocalDate.of(2026, 12, 2))).isEqualTo("Dec 2, 2026");
    }

    @Test
    void nothing_formats_as_an_empty_text() {
        assertThat(SPANISH.dateTime(null)).isEmpty();
        assertThat(SPANISH.date((Instant) null)).isEmpty();
        assertThat(SPANISH.decimal(null, 0, 2)).isEmpty();
        assertThat(SPANISH.percent(null)).isEmpty();
    }
}
