package com.nexo.accounts.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"12345678Z", "12345678-z", " 00000000T ", "ES12345678Z", "X1234567L", "Y1234567X", "Z1234567R"})
    void accepts_spanish_nifs_and_nies_with_the_right_control_letter(String taxId) {
        assertThat(TaxIds.isValidSpanish(taxId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"B12345674", "B-1234567-4", "A58818501", "Q2826000H", "P2807900B", "G12345674", "G1234567D"})
    void accepts_spanish_cifs_with_the_right_control_digit_or_letter(String taxId) {
        assertThat(TaxIds.isValidSpanish(taxId)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12345678A", // wrong letter
                "X1234567A", // NIE, wrong letter
                "B12345675", // CIF, wrong digit
                "Q2826000B", // needs a letter, wrong one
                "Q28260008", // needs a letter, digit given
                "A5881850A", // needs a digit, letter given
                "1234567Z", // too short
                "I12345674", // no such kind of entity
                "hello"
            })
    void refuses_wrong_control_characters_and_shapes(String taxId) {
        assertThat(TaxIds.isValidSpanish(taxId)).isFalse();
    }

    @Test
    void other_countries_take_free_text_and_blank_is_fine_everywhere() {
        assertThat(TaxIds.isValid("DE", "DE123456789")).isTrue();
        assertThat(TaxIds.isValid("US", "12-3456789")).isTrue();
        assertThat(TaxIds.isValid("ES", "12-3456789")).isFalse();
        assertThat(TaxIds.isValid("ES", null)).isTrue();
        assertThat(TaxIds.isValid("ES", "  ")).isTrue();
    }

    @Test
    void generated_ids_are_valid() {
        for (int n = 0; n < 2_000; n += 7) {
            assertThat(TaxIds.isValidSpanish(TaxIds.spanishNif(n * 40_123))).isTrue();
            for (char kind : "ABEHKPQSNWFG".toCharArray()) {
                assertThat(TaxIds.isValidSpanish(TaxIds.spanishCif(kind, n * 4_999)))
                        .as(TaxIds.spanishCif(kind, n * 4_999))
                        .isTrue();
            }
        }
    }

    @Test
    void normalizing_drops_separators_and_the_eu_prefix() {
        assertThat(TaxIds.normalize(" es-b.1234567 4 ")).isEqualTo("B12345674");
        assertThat(TaxIds.normalize("12.345.678-z")).isEqualTo("12345678Z");
    }
}
