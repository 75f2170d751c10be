package com.nexo.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void plain_values_stay_as_they_are_and_null_is_empty() {
        assertThat(Csv.quote("Tornillo M6")).isEqualTo("Tornillo M6");
        assertThat(Csv.quote(null)).isEmpty();
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        assertThat(Csv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.quote("6\" pipe")).isEqualTo("\"6\"\" pipe\"");
        assertThat(Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void formulas_are_defused_but_numbers_and_phones_are_not() {
        assertThat(Csv.quote("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.quote("@cmd")).isEqualTo("'@cmd");
        assertThat(Csv.quote("-3.5")).isEqualTo("-3.5");
        assertThat(Csv.quote("+34 600 000 000")).isEqualTo("+34 600 000 000");
    }

    @Test
    void a_line_joins_fields_with_commas_and_ends_with_crlf() {
        assertThat(Csv.line("a", null, "b,c")).isEqualTo("a,,\"b,c\"\r\n");
    }
}
