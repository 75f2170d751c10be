package com.nexo.articles.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Ean13Test {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "8414533043847", "5901234123457", "0000000000000", "8480000123459"})
    void real_barcodes_are_valid(String code) {
        assertThat(Ean13.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "8414533043841", "5901234123451"})
    void a_wrong_check_digit_is_refused(String code) {
        assertThat(Ean13.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"400638133393", "40063813339310", "40063813339A1", " 4006381333931", "4006381333931 "})
    void wrong_lengths_and_non_digits_are_refused(String code) {
        assertThat(Ean13.isValid(code)).isFalse();
    }

    @Test
    void swapping_two_neighbouring_digits_is_caught() {
        // 4006381333931 with its 4th and 5th digits (6 and 3) swapped. (Swaps of digits five apart,
        // such as 3 and 8, are the one kind EAN-13 cannot catch.)
        assertThat(Ean13.isValid("4003681333931")).isFalse();
    }

    @Test
    void the_check_digit_is_computed_from_twelve_digits() {
        assertThat(Ean13.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Ean13.checkDigit("590123412345")).isEqualTo(7);
        assertThat(Ean13.complete("841453304384")).isEqualTo("8414533043847");
        assertThatThrownBy(() -> Ean13.checkDigit("12345")).isInstanceOf(IllegalArgumentException.class);
    }
}
