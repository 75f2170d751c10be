package com.nexo.articles.counts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CountDifferenceTest {

    private static CountLine line(String expected, String counted) {
        return new CountLine(
                UUID.randomUUID(),
                "A-1",
                "Tornillo",
                "Screw",
                "ud",
                new BigDecimal(expected),
                counted == null ? null : new BigDecimal(counted),
                0);
    }

    @Test
    void counting_less_than_the_books_gives_a_negative_difference() {
        assertThat(line("10", "7").difference()).isEqualByComparingTo("-3");
        assertThat(line("10", "7").hasDifference()).isTrue();
    }

    @Test
    void counting_more_gives_a_positive_difference() {
        assertThat(line("2.5", "4").difference()).isEqualByComparingTo("1.5");
    }

    @Test
    void an_exact_count_has_no_difference_whatever_the_scale() {
        assertThat(line("5.000000", "5").hasDifference()).isFalse();
    }

    @Test
    void an_uncounted_line_changes_nothing() {
        CountLine uncounted = line("8", null);
        assertThat(uncounted.isCounted()).isFalse();
        assertThat(uncounted.difference()).isEqualByComparingTo("0");
        assertThat(uncounted.hasDifference()).isFalse();
    }

    @Test
    void counting_zero_of_a_negative_balance_brings_it_back_to_zero() {
        assertThat(line("-4", "0").difference()).isEqualByComparingTo("4");
    }
}
