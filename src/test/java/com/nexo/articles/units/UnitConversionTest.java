package com.nexo.articles.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleRuleException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitConversionTest {

    private static UnitOfMeasure unit(String code, UnitKind kind, String factor) {
        return new UnitOfMeasure(code, code, code, kind, new BigDecimal(factor), 3);
    }

    private final UnitOfMeasure kg = unit("kg", UnitKind.MASS, "1");
    private final UnitOfMeasure g = unit("g", UnitKind.MASS, "0.001");
    private final UnitOfMeasure t = unit("t", UnitKind.MASS, "1000");
    private final UnitOfMeasure unit = unit("ud", UnitKind.COUNT, "1");
    private final UnitOfMeasure dozen = unit("doc", UnitKind.COUNT, "12");
    private final UnitOfMeasure box10 = unit("caja10", UnitKind.COUNT, "10");
    private final UnitOfMeasure metre = unit("m", UnitKind.LENGTH, "1");

    @Test
    void grams_become_kilograms_and_back() {
        assertThat(g.convert(new BigDecimal("2500"), kg)).isEqualByComparingTo("2.5");
        assertThat(kg.convert(new BigDecimal("2.5"), g)).isEqualByComparingTo("2500");
        assertThat(t.convert(new BigDecimal("0.75"), kg)).isEqualByComparingTo("750");
    }

    @Test
    void dozens_and_boxes_become_units_of_the_count_kind() {
        assertThat(dozen.convert(new BigDecimal("3"), unit)).isEqualByComparingTo("36");
        assertThat(dozen.convert(new BigDecimal("5"), box10)).isEqualByComparingTo("6");
        assertThat(unit.convert(new BigDecimal("1"), dozen)).isEqualByComparingTo("0.083333");
    }

    @Test
    void a_conversion_to_the_same_unit_only_fixes_the_scale() {
        assertThat(kg.convert(new BigDecimal("1.23456789"), kg)).isEqualTo(new BigDecimal("1.234568"));
    }

    @Test
    void results_are_rounded_half_up_to_six_decimals() {
        assertThat(unit.convert(new BigDecimal("2"), dozen)).isEqualTo(new BigDecimal("0.166667"));
        assertThat(g.convert(new BigDecimal("0.0004"), kg)).isEqualTo(new BigDecimal("0.000000"));
    }

    @Test
    void negative_quantities_convert_with_their_sign() {
        assertThat(g.convert(new BigDecimal("-500"), kg)).isEqualByComparingTo("-0.5");
    }

    @Test
    void units_of_different_kinds_do_not_convert() {
        assertThat(kg.convertsTo(metre)).isFalse();
        assertThatThrownBy(() -> kg.convert(BigDecimal.ONE, metre))
                .isInstanceOfSatisfying(ArticleRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("articles.error.unit-kind-mismatch");
                    assertThat(e.arguments()).containsExactly("kg", "m");
                });
    }

    @Test
    void a_unit_needs_a_positive_factor() {
        assertThatThrownBy(() -> unit("x", UnitKind.MASS, "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_standard_units_have_one_base_unit_per_kind() {
        for (UnitKind kind : UnitKind.values()) {
            assertThat(UnitService.STANDARD.stream()
                            .filter(u -> u.getKind() == kind && u.getFactor().compareTo(BigDecimal.ONE) == 0))
                    .as("base units of %s", kind)
                    .hasSize(1);
        }
    }
}
