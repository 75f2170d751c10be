package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitialsTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "Carlos Castro (Sistemas)|CC",
                "Carmen Cliente (Hostelería Sol)|CC",
                "Ana Administradora|AA",
                "Ana|A",
                "ana maría garcía lópez|AL",
                "Ñuño Álvarez|ÑÁ",
                // decomposed accent (E + combining acute) counts as one letter
                "E\u0301mile Zola|ÉZ",
                "  Lucía   Profesional  |LP",
                "Jean-Luc Picard|JP",
                "'O''Brien, Sean'|OS",
                "3M Iberia|MI",
                "(Sistemas)|S",
                "[Bot] Copias de seguridad|CS",
                "Pedro (Ventas) Ruiz|PR",
                "Marta (sin cerrar|M",
                "李小龍|李",
                "Δημήτρης Παπαδόπουλος|ΔΠ",
                "Ольга Иванова|ОИ",
                "\uD835\uDC9C\uD835\uDCB7 Smith|\uD835\uDC9CS",
                "ß Straße|ßS",
                "1234|''",
                "'   '|''",
                "-- · --|''",
            })
    void initials_come_from_letters_of_words_only(String name, String expected) {
        assertThat(Initials.of(name)).isEqualTo(expected);
    }

    @Test
    void no_name_has_no_initials() {
        assertThat(Initials.of(null)).isEmpty();
    }

    @Test
    void never_more_than_two_letters_for_any_name() {
        assertThat(Initials.of("Juan Carlos Alfonso Víctor María de Borbón y Borbón-Dos Sicilias"))
                .isEqualTo("JS")
                .hasSizeLessThanOrEqualTo(2);
    }
}
