package com.nexo.purchasing.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceBreaksTest {

    private static final List<PriceBreak> BREAKS = List.of(
            new PriceBreak(new BigDecimal("100"), new BigDecimal("8.50")),
            new PriceBreak(new BigDecimal("10"), new BigDecimal("9.20")),
            new PriceBreak(new BigDecimal("1"), new BigDecimal("10.00")));

    private static BigDecimal priceAt(String quantity) {
        return PriceBreaks.applicable(BREAKS, new BigDecimal(quantity))
                .map(PriceBreak::unitPrice)
                .orElse(null);
    }

    @Test
    void the_break_with_the_highest_minimum_not_above_the_quantity_applies_in_whatever_order_they_come() {
        assertThat(priceAt("1")).isEqualByComparingTo("10.00");
        assertThat(priceAt("9.9999")).isEqualByComparingTo("10.00");
        assertThat(priceAt("10")).isEqualByComparingTo("9.20");
        assertThat(priceAt("99")).isEqualByComparingTo("9.20");
        assertThat(priceAt("100.0")).isEqualByComparingTo("8.50");
        assertThat(priceAt("5000")).isEqualByComparingTo("8.50");
    }

    @Test
    void a_quantity_below_every_break_or_no_breaks_or_no_quantity_has_no_break() {
        assertThat(PriceBreaks.applicable(BREAKS, new BigDecimal("0.5"))).isEmpty();
        assertThat(PriceBreaks.applicable(List.of(), BigDecimal.TEN)).isEmpty();
        assertThat(PriceBreaks.applicable(BREAKS, null)).isEmpty();
    }
}
