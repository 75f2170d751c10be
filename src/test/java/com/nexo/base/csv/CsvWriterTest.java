package com.nexo.base.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static String write(Locale locale, CsvLines lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.open(bytes, locale, MADRID)) {
            lines.write(csv);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface CsvLines {
        void write(CsvWriter csv) throws IOException;
    }

    @Test
    void starts_with_a_byte_order_mark_and_ends_lines_with_crlf() throws IOException {
        String text = write(
                Locale.ENGLISH,
                csv -> csv.header(List.of("Code", "Name"))
                        .text("A1")
                        .text("Nut")
                        .endRow());

        assertThat(text).startsWith("\uFEFF").isEqualTo("\uFEFFCode,Name\r\nA1,Nut\r\n");
    }

    @Test
    void spanish_readers_get_semicolons_and_decimal_commas_english_readers_commas_and_points() throws IOException {
        CsvLines line = csv -> csv.text("Tuerca")
                .number(new BigDecimal("1234.5000"))
                .number(new BigDecimal("-0.25"))
                .endRow();

        assertThat(write(Locale.of("es"), line)).isEqualTo("\uFEFFTuerca;\"1234,5\";\"-0,25\"\r\n");
        assertThat(write(Locale.ENGLISH, line)).isEqualTo("\uFEFFTuerca,1234.5,-0.25\r\n");
    }

    @Test
    void separators_quotes_and_line_breaks_are_quoted() throws IOException {
        String text = write(
                Locale.ENGLISH,
                csv -> csv.text("a,b")
                        .text("6\" pipe")
                        .text("two\nlines")
                        .text("x;y")
                        .endRow());

        assertThat(text).isEqualTo("\uFEFF\"a,b\",\"6\"\" pipe\",\"two\nlines\",\"x;y\"\r\n");
    }

    @Test
    void cells_that_would_run_as_formulas_get_an_apostrophe() throws IOException {
        String text = write(
                Locale.ENGLISH,
                csv -> csv.text("=HYPERLINK(\"http://x\")")
                        .text("+SUM(A1)")
                        .text("-2+3*cmd|' /C calc'!A0")
                        .text("@SUM(1)")
                        .text("\tTAB")
                        .text("\rCR")
                        .endRow());

        assertThat(text)
                .isEqualTo("\uFEFF\"'=HYPERLINK(\"\"http://x\"\")\",'+SUM(A1),'-2+3*cmd|' /C calc'!A0,'@SUM(1),"
                        + "'\tTAB,\"'\rCR\"\r\n");
    }

    @Test
    void numbers_and_phone_numbers_are_not_taken_for_formulas() throws IOException {
        String text = write(
                Locale.ENGLISH,
                csv -> csv.text("-3.5")
                        .text("+34 600 000 000")
                        .text("+1 (555) 010-999")
                        .endRow());

        assertThat(text).isEqualTo("\uFEFF-3.5,+34 600 000 000,+1 (555) 010-999\r\n");
    }

    @Test
    void null_values_are_empty_cells_and_lists_join_in_one_cell() throws IOException {
        String text = write(
                Locale.ENGLISH,
                csv -> csv.text(null)
                        .number((BigDecimal) null)
                        .texts(List.of("a@x.example", "b@x.example"), " ")
                        .texts(List.of(), " ")
                        .endRow());

        assertThat(text).isEqualTo("\uFEFF,,a@x.example b@x.example,\r\n");
    }

    @Test
    void dates_are_iso_and_moments_read_in_the_readers_time_zone() throws IOException {
        String text = write(
                Locale.ENGLISH,
                csv -> csv.date(LocalDate.of(2026, 12, 2))
                        .dateTime(Instant.parse("2026-07-01T10:43:05Z"))
                        .endRow());

        assertThat(text).isEqualTo("\uFEFF2026-12-02,2026-07-01 12:43:05\r\n");
    }
}
