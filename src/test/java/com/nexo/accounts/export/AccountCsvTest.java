package com.nexo.accounts.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountCsvTest {

    @Test
    void quotes_separators_quotes_and_line_breaks() {
        assertThat(AccountCsv.quote("Aceros del Norte, S.A.")).isEqualTo("\"Aceros del Norte, S.A.\"");
        assertThat(AccountCsv.quote("El \"Fogón\"")).isEqualTo("\"El \"\"Fogón\"\"\"");
        assertThat(AccountCsv.quote("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(AccountCsv.quote(null)).isEmpty();
    }

    @Test
    void neutralises_spreadsheet_formulas_but_not_phone_numbers() {
        assertThat(AccountCsv.quote("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(AccountCsv.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AccountCsv.quote("+34 600 123 456")).isEqualTo("+34 600 123 456");
    }
}
