package com.nexo.imports.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static final ImportSettings SEMICOLON =
            new ImportSettings(StandardCharsets.UTF_8, ';', DecimalStyle.COMMA, DateOrder.DAY_MONTH_YEAR);

    private static final ImportSettings COMMA =
            new ImportSettings(StandardCharsets.UTF_8, ',', DecimalStyle.POINT, DateOrder.DAY_MONTH_YEAR);

    private static List<CsvRecord> read(byte[] bytes, ImportSettings settings) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(new ByteArrayInputStream(bytes), settings)) {
            rows.forEachRemaining(records::add);
        }
        return records;
    }

    private static List<CsvRecord> read(String text, ImportSettings settings) throws IOException {
        return read(text.getBytes(settings.charset()), settings);
    }

    @Test
    void the_header_is_the_first_record_on_line_one() throws IOException {
        List<CsvRecord> records = read("nombre;ciudad\nPeña;Cádiz\n", SEMICOLON);

        assertThat(records)
                .containsExactly(
                        new CsvRecord(1, List.of("nombre", "ciudad")), new CsvRecord(2, List.of("Peña", "Cádiz")));
    }

    @Test
    void quoted_cells_keep_separators_and_doubled_quotes() throws IOException {
        List<CsvRecord> records = read("name,notes\n\"Pérez, Hijos\",\"He said \"\"hi\"\", then left\"\n", COMMA);

        assertThat(records.get(1).cells()).containsExactly("Pérez, Hijos", "He said \"hi\", then left");
    }

    @Test
    void line_breaks_inside_quotes_stay_in_the_cell_and_count_for_the_next_line() throws IOException {
        String text = "a;b\n1;\"first\nsecond\r\nthird\"\n2;x\r\n3;\"\"\n";

        List<CsvRecord> records = read(text, SEMICOLON);

        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 5L, 6L);
        assertThat(records.get(1).cells()).containsExactly("1", "first\nsecond\r\nthird");
        assertThat(records.get(3).cells()).containsExactly("3", "");
    }

    @Test
    void empty_cells_are_kept_and_cells_are_not_trimmed() throws IOException {
        List<CsvRecord> records = read(";; x ;\n", SEMICOLON);

        assertThat(records.getFirst().cells()).containsExactly("", "", " x ", "");
    }

    @Test
    void empty_lines_are_skipped_and_line_numbers_still_count_them() throws IOException {
        List<CsvRecord> records = read("\na;b\n\n\r\n1;2\r\n\r\n2;3", SEMICOLON);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 5L, 7L);
        assertThat(records.get(2).cells()).containsExactly("2", "3");
    }

    @Test
    void a_row_of_separators_is_a_blank_record_not_an_empty_line() throws IOException {
        List<CsvRecord> records = read("a;b\n;\n", SEMICOLON);

        assertThat(records).hasSize(2);
        assertThat(records.get(1).blank()).isTrue();
        assertThat(records.get(0).blank()).isFalse();
    }

    @Test
    void old_mac_line_breaks_end_records_too() throws IOException {
        assertThat(read("a;b\r1;2\r", SEMICOLON)).extracting(CsvRecord::line).containsExactly(1L, 2L);
    }

    @Test
    void a_utf8_byte_order_mark_is_not_part_of_the_first_header() throws IOException {
        byte[] text = "nombre;ciudad\nPeña;Cádiz\n".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);

        assertThat(read(withMark, SEMICOLON).getFirst().cells()).containsExactly("nombre", "ciudad");
    }

    @Test
    void windows_1252_text_is_read_with_its_accents() throws IOException {
        Charset windows1252 = Charset.forName("windows-1252");
        ImportSettings settings = new ImportSettings(windows1252, ';', DecimalStyle.COMMA, DateOrder.DAY_MONTH_YEAR);

        List<CsvRecord> records = read("Nombre;Población\nPeña;Camión 12 €\n".getBytes(windows1252), settings);

        assertThat(records.get(1).cells()).containsExactly("Peña", "Camión 12 €");
    }

    @Test
    void the_tab_separator_is_read() throws IOException {
        ImportSettings tab =
                new ImportSettings(StandardCharsets.UTF_8, '\t', DecimalStyle.POINT, DateOrder.DAY_MONTH_YEAR);

        assertThat(read("a\tb, c\t\n", tab).getFirst().cells()).containsExactly("a", "b, c", "");
    }

    @Test
    void text_after_a_closing_quote_and_quotes_inside_a_cell_are_kept_as_written() throws IOException {
        assertThat(read("\"12\" inches;5 \"big\" ones\n", SEMICOLON).getFirst().cells())
                .containsExactly("12 inches", "5 \"big\" ones");
    }

    @Test
    void a_quote_that_never_closes_is_a_format_error_at_the_line_it_opens() throws IOException {
        try (CsvRows rows = CsvRows.open(
                new ByteArrayInputStream("a;b\n1;2\n3;\"open\nand on\nand on\n".getBytes(StandardCharsets.UTF_8)),
                SEMICOLON)) {
            assertThat(rows.next().line()).isEqualTo(1);
            assertThat(rows.next().line()).isEqualTo(2);
            assertThat(rows.hasNext()).isTrue();
            assertThatThrownBy(rows::next).isInstanceOfSatisfying(CsvFormatException.class, e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.messageKey()).isEqualTo("imports.refusal.quotes");
            });
            assertThat(rows.hasNext()).isFalse();
            assertThatThrownBy(rows::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void a_record_longer_than_the_limit_stops_the_reading_instead_of_filling_the_memory() throws IOException {
        String endless = "a;b\n1;\"" + "x".repeat(CsvRows.MAX_RECORD_CHARS + 10);

        assertThatThrownBy(() -> read(endless, SEMICOLON)).isInstanceOfSatisfying(CsvFormatException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.messageKey()).isEqualTo("imports.refusal.quotes");
        });
    }

    @Test
    void cells_longer_than_the_buffer_are_read_whole() throws IOException {
        String longCell = "ñ".repeat(200_000);

        List<CsvRecord> records = read("a;b\n" + longCell + ";\"" + longCell + "\"\n", SEMICOLON);

        assertThat(records.get(1).cells()).containsExactly(longCell, longCell);
    }

    @Test
    void an_empty_file_has_no_records() throws IOException {
        assertThat(read("", SEMICOLON)).isEmpty();
        assertThat(read("\n\r\n", SEMICOLON)).isEmpty();
    }

    @Test
    void a_million_rows_are_read_as_a_stream_in_little_time() throws IOException {
        int rows = 1_000_000;
        long started = System.nanoTime();
        long count = 0;
        CsvRecord last = null;
        try (CsvRows records = CsvRows.open(new GeneratedCsv(rows), SEMICOLON)) {
            while (records.hasNext()) {
                last = records.next();
                count++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(count).isEqualTo(rows + 1);
        assertThat(last)
                .isEqualTo(new CsvRecord(rows + 1, List.of("A-0999999", "Artículo 0999999", "999,50", "31/12/2026")));
        // Short rows go at well over half a million a second; the bound leaves room for a busy machine.
        assertThat(millis).as("milliseconds for %d rows", rows).isLessThan(10_000);
    }

    /**
     * A CSV file of as many rows as asked, made while it is read: nothing of it is held in memory. Each
     * row is one template with its numbers written in place, so that making the file costs little
     * beside reading it.
     */
    private static final class GeneratedCsv extends InputStream {

        private static final byte[] HEADER = "codigo;nombre;precio;alta\n".getBytes(StandardCharsets.UTF_8);

        private final int rows;
        private final byte[] template =
                "A-0000000;Artículo 0000000;000,50;31/12/2026\n".getBytes(StandardCharsets.UTF_8);
        private final int code = 2;
        private final int name = indexOf("Artículo ".getBytes(StandardCharsets.UTF_8))
                + "Artículo ".getBytes(StandardCharsets.UTF_8).length;
        private final int price = name + 8;
        private byte[] line = HEADER;
        private int row = -1;
        private int position;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        private int indexOf(byte[] part) {
            for (int i = 0; ; i++) {
                if (java.util.Arrays.equals(template, i, i + part.length, part, 0, part.length)) {
                    return i;
                }
            }
        }

        private static void digits(byte[] target, int at, int width, int number) {
            for (int i = at + width - 1; i >= at; i--) {
                target[i] = (byte) ('0' + number % 10);
                number /= 10;
            }
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int written = 0;
            while (written < length) {
                if (position == line.length) {
                    if (++row >= rows) {
                        break;
                    }
                    line = template;
                    digits(line, code, 7, row);
                    digits(line, name, 7, row);
                    digits(line, price, 3, row % 1000);
                    position = 0;
                }
                int n = Math.min(length - written, line.length - position);
                System.arraycopy(line, position, target, offset + written, n);
                position += n;
                written += n;
            }
            return written == 0 ? -1 : written;
        }
    }
}
