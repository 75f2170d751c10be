package com.nexo.production.boms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScrapTest {

    @Test
    void without_scrap_what_goes_in_is_the_quantity() {
        assertThat(Scrap.gross(new BigDecimal("2.5"), BigDecimal.ZERO)).isEqualByComparingTo("2.5");
        assertThat(Scrap.gross(new BigDecimal("2.5"), null)).isEqualByComparingTo("2.5");
    }

    @Test
    void a_line_that_loses_a_fifth_needs_a_quarter_more() {
        assertThat(Scrap.gross(new BigDecimal("4"), new BigDecimal("20"))).isEqualByComparingTo("5");
    }

    @Test
    void the_required_quantity_of_an_order_is_rounded_up_to_four_decimals() {
        // 1 per unit at 3 % scrap: 100 / 97 = 1.030927..., times 7 units = 7.216494... -> 7.2165
        assertThat(Scrap.required(BigDecimal.ONE, new BigDecimal("3"), new BigDecimal("7")))
                .isEqualByComparingTo("7.2165");
    }

    @Test
    void scrap_compounds_through_two_levels_of_a_bill() {
        // A needs 2 of B at 10 % scrap; B needs 3 of C at 25 % scrap: C per A = 2/0.9 * 3/0.75.
        BigDecimal bPerA = Scrap.gross(new BigDecimal("2"), new BigDecimal("10"));
        BigDecimal cPerA = bPerA.multiply(Scrap.gross(new BigDecimal("3"), new BigDecimal("25")));
        assertThat(cPerA.setScale(6, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("8.888889");
    }

    @Test
    void a_scrap_of_a_hundred_percent_or_below_zero_is_refused() {
        assertThatThrownBy(() -> Scrap.gross(BigDecimal.ONE, new BigDecimal("100")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scrap.gross(BigDecimal.ONE, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
