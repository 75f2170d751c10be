package com.nexo.articles.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class WeightedAverageCostTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal next(String onHand, String previous, String quantity, String unitCost) {
        return WeightedAverageCost.next(d(onHand), d(previous), d(quantity), d(unitCost));
    }

    @Test
    void the_first_receipt_sets_the_cost_to_its_unit_cost() {
        assertThat(next("0", "7.25", "10", "8")).isEqualTo("8.0000");
        // The cost typed before any stock came in counts for nothing.
        assertThat(next("0", "0", "3", "12.5")).isEqualTo("12.5000");
    }

    @Test
    void a_second_receipt_at_another_price_averages_by_quantity() {
        // 10 at 8 on hand, 30 more at 12: (80 + 360) / 40 = 11.
        assertThat(next("10", "8", "30", "12")).isEqualTo("11.0000");
        // The same quantity at both prices: the plain mean.
        assertThat(next("5", "2", "5", "3")).isEqualTo("2.5000");
        // Received at the cost the stock already has: unchanged.
        assertThat(next("100", "4.1234", "1", "4.1234")).isEqualTo("4.1234");
    }

    @Test
    void stock_at_or_below_zero_before_the_receipt_counts_as_none() {
        assertThat(next("-5", "9", "10", "3")).isEqualTo("3.0000");
        assertThat(next("-0.5", "9", "0.25", "3.33333")).isEqualTo("3.3333");
        assertThat(next("0.000000", "9", "1", "2")).isEqualTo("2.0000");
    }

    @Test
    void fractional_quantities_weigh_by_what_they_are() {
        // 2.5 kg at 4 and 0.75 kg at 6: (10 + 4.5) / 3.25 = 4.461538...
        assertThat(next("2.5", "4", "0.75", "6")).isEqualTo("4.4615");
        // Grams received into a kilogram article arrive as thousandths.
        assertThat(next("1.000000", "10", "0.001", "20")).isEqualTo("10.0100");
    }

    @Test
    void the_result_is_rounded_half_up_to_four_decimals() {
        // Exactly half a ten-thousandth goes up (half-even or half-down would give 0.0000 and 0.0002).
        assertThat(next("1", "0", "1", "0.0001")).isEqualTo("0.0001");
        assertThat(next("1", "0.0002", "1", "0.0003")).isEqualTo("0.0003");
        // Below the half goes down: (0 + 0.00009) / 2 = 0.000045.
        assertThat(next("1", "0", "1", "0.00009")).isEqualTo("0.0000");
        // 10 / 3 = 3.33333... down; 20 / 3 = 6.66666... up; a unit cost alone is rounded too.
        assertThat(next("2", "0", "1", "10")).isEqualTo("3.3333");
        assertThat(next("1", "0", "2", "10")).isEqualTo("6.6667");
        assertThat(next("0", "0", "1", "1.23455")).isEqualTo("1.2346");
        assertThat(next("0", "0", "1", "1.23454")).isEqualTo("1.2345");
    }

    @Test
    void a_receipt_needs_a_positive_quantity_and_costs_of_zero_or_more() {
        assertThatThrownBy(() -> next("1", "1", "0", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> next("1", "1", "-1", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> next("1", "1", "1", "-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(next("1", "4", "1", "0")).isEqualTo("2.0000");
    }
}
