package com.nexo.production.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostComparisonTest {

    @Test
    void theVarianceIsActualLessStandardForWhatWasProducedAndItsPercentageIsOfTheStandard() {
        CostComparison costs = CostComparison.of(
                new BigDecimal("4"),
                new BigDecimal("10"),
                new BigDecimal("2.5"),
                new BigDecimal("44"),
                new BigDecimal("11"));

        assertThat(costs.standardMaterial()).isEqualByComparingTo("40.00");
        assertThat(costs.standardService()).isEqualByComparingTo("10.00");
        assertThat(costs.standardTotal()).isEqualByComparingTo("50.00");
        assertThat(costs.actualTotal()).isEqualByComparingTo("55.00");
        assertThat(costs.actualPerUnit()).isEqualByComparingTo("13.75");
        assertThat(costs.standardPerUnit()).isEqualByComparingTo("12.5");
        assertThat(costs.variance()).isEqualByComparingTo("5.00");
        assertThat(costs.variancePercent()).isEqualByComparingTo("10.00");
    }

    @Test
    void withNothingProducedThereIsNoActualPerUnitAndNoPercentage() {
        CostComparison costs =
                CostComparison.of(BigDecimal.ZERO, new BigDecimal("10"), null, new BigDecimal("3"), null);

        assertThat(costs.actualPerUnit()).isNull();
        assertThat(costs.variancePercent()).isNull();
        assertThat(costs.variance()).isEqualByComparingTo("3.00");
    }

    @Test
    void toBuyIsWhatIsMissingLessWhatIsAvailableAndIncomingNeverBelowZero() {
        assertThat(ShortageRow.toBuy(new BigDecimal("10"), new BigDecimal("3"), new BigDecimal("2")))
                .isEqualByComparingTo("5");
        assertThat(ShortageRow.toBuy(new BigDecimal("10"), new BigDecimal("-4"), new BigDecimal("2")))
                .isEqualByComparingTo("8");
        assertThat(ShortageRow.toBuy(new BigDecimal("1"), new BigDecimal("3"), BigDecimal.ZERO))
                .isEqualByComparingTo("0");
    }
}
