package com.nexo.imports.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvSnifferTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static ImportSettings detect(String text, Charset charset) {
        return CsvSniffer.detect(text.getBytes(charset));
    }

    private static ImportSettings detect(String text) {
        return detect(text, StandardCharsets.UTF_8);
    }

    @Test
    void utf8_without_a_byte_order_mark_is_utf8() {
        assertThat(detect("Nombre;Población\nPeña;Camión\n").charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8_with_a_byte_order_mark_is_utf8() {
        byte[] text = "Nombre;Ciudad\nPeña;Cádiz\n".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);

        ImportSettings settings = CsvSniffer.detect(withMark);

        assertThat(settings.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(settings.separator()).isEqualTo(';');
    }

    @Test
    void plain_ascii_is_read_as_utf8() {
        assertThat(detect("name,city\nAnn,Leeds\n", StandardCharsets.US_ASCII).charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void windows_1252_bytes_are_windows_1252() {
        ImportSettings settings = detect("Nombre;Población\nPeña;Camión\nMuñoz;Ávila €\n", WINDOWS_1252);

        assertThat(settings.charset()).isEqualTo(WINDOWS_1252);
        assertThat(settings.separator()).isEqualTo(';');
    }

    @Test
    void a_utf8_character_cut_by_the_end_of_the_head_is_still_utf8() {
        byte[] text = "Nombre;Ciudad\nPeña;Camión\n".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(text, text.length - 5); // "ó" loses its second byte

        assertThat(CsvSniffer.detect(cut).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void the_separator_is_the_one_with_a_steady_count_per_line() {
        assertThat(detect("a;b;c\n1;2;3\n4;5;6\n").separator()).isEqualTo(';');
        assertThat(detect("a,b,c\n1,2,3\n4,5,6\n").separator()).isEqualTo(',');
        assertThat(detect("a\tb\tc\n1\t2\t3\n4\t5\t6\n").separator()).isEqualTo('\t');
    }

    @Test
    void separators_inside_quotes_do_not_count() {
        String commas = """
                name,notes,city
                "Pérez; Hijos","uno; dos; tres",Madrid
                Ruiz,"a; b",Sevilla
                """;
        assertThat(detect(commas).separator()).isEqualTo(',');

        String semicolons = """
                nombre;notas
                "Pérez, Hijos";"uno, dos, tres"
                "Ruiz, S.L.";"a, b"
                """;
        assertThat(detect(semicolons).separator()).isEqualTo(';');
    }

    @Test
    void a_quote_inside_an_unquoted_cell_is_text_and_opens_nothing() {
        String text = """
                artículo;precio;stock
                Monitor 24" LED;199,00;5
                Cable 2m;3,50;100
                Teclado;25,00;12
                """;
        ImportSettings settings = detect(text);

        assertThat(settings.separator()).isEqualTo(';');
        assertThat(settings.decimals()).isEqualTo(DecimalStyle.COMMA);
    }

    @Test
    void decimal_commas_in_a_semicolon_file_do_not_make_commas_the_separator() {
        String text = """
                Artículo;Precio;Peso
                Tornillo;1,50;0,25
                Tuerca;12,75;1,5
                """;
        ImportSettings settings = detect(text);

        assertThat(settings.separator()).isEqualTo(';');
        assertThat(settings.decimals()).isEqualTo(DecimalStyle.COMMA);
    }

    @Test
    void a_tab_file_with_commas_in_its_text_is_a_tab_file() {
        assertThat(detect("name\tnotes\nAnn\tone, two\nBob\tthree\n").separator())
                .isEqualTo('\t');
    }

    @Test
    void a_single_column_file_has_the_semicolon_by_default() {
        assertThat(detect("name\nAnn\nBob\n").separator()).isEqualTo(';');
    }

    @Test
    void spanish_numbers_make_the_comma_the_decimal_mark() {
        assertThat(detect("a,b\nx,\"1.234,56\"\ny,\"12,5\"\n").decimals()).isEqualTo(DecimalStyle.COMMA);
    }

    @Test
    void english_numbers_make_the_point_the_decimal_mark() {
        assertThat(detect("a;b\nx;1,234.56\ny;12.5\n").decimals()).isEqualTo(DecimalStyle.POINT);
        assertThat(detect("a,b\nx,12.5\ny,$3.25\n").decimals()).isEqualTo(DecimalStyle.POINT);
    }

    @Test
    void numbers_that_could_be_either_leave_the_separator_to_decide() {
        // 1.234 is a thousand in Spanish and one and a bit in English.
        assertThat(detect("a;b\nx;1.234\ny;7\n").decimals()).isEqualTo(DecimalStyle.COMMA);
        assertThat(detect("a,b\nx,1.234\ny,7\n").decimals()).isEqualTo(DecimalStyle.POINT);
    }

    @Test
    void a_first_part_over_twelve_is_a_day() {
        assertThat(detect("a;fecha\nx;03/04/2026\ny;25/12/2026\n").dates()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    }

    @Test
    void a_second_part_over_twelve_is_an_american_day() {
        assertThat(detect("a,date\nx,03/04/2026\ny,12/25/2026\n").dates()).isEqualTo(DateOrder.MONTH_DAY_YEAR);
    }

    @Test
    void a_four_digit_first_part_is_a_year() {
        assertThat(detect("a;fecha\nx;2026/04/03\ny;2026.12.25\n").dates()).isEqualTo(DateOrder.YEAR_MONTH_DAY);
    }

    @Test
    void dates_that_could_be_either_are_day_first() {
        assertThat(detect("a;fecha\nx;03/04/2026\ny;01-02-26\n").dates()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
        assertThat(detect("a;b\nx;y\n").dates()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    }

    @Test
    void written_dates_outvote_iso_dates_which_read_the_same_in_any_order() {
        assertThat(detect("alta;baja\n2026-01-05;13/02/2026\n2026-03-01;20/02/2026\n")
                        .dates())
                .isEqualTo(DateOrder.DAY_MONTH_YEAR);
    }

    @Test
    void a_head_cut_in_the_middle_of_a_quoted_cell_is_still_read() {
        StringBuilder text = new StringBuilder("code,name,notes\n");
        while (text.length() < 64 * 1024) {
            text.append("A-1,\"Tornillo\",\"largo; con punto y coma; y más\"\n");
        }
        byte[] head = Arrays.copyOf(text.toString().getBytes(StandardCharsets.UTF_8), 64 * 1024);

        ImportSettings settings = CsvSniffer.detect(head);

        assertThat(settings.separator()).isEqualTo(',');
        assertThat(settings.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void an_empty_head_gets_the_spanish_defaults() {
        ImportSettings settings = CsvSniffer.detect(new byte[0]);

        assertThat(settings.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(settings.separator()).isEqualTo(';');
        assertThat(settings.decimals()).isEqualTo(DecimalStyle.COMMA);
        assertThat(settings.dates()).isEqualTo(DateOrder.DAY_MONTH_YEAR);
    }
}
