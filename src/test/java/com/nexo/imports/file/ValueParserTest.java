package com.nexo.imports.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.imports.FieldType;
import com.nexo.imports.ImportField;
import com.nexo.imports.Refusal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParserTest {

    private static final ImportSettings SPANISH =
            new ImportSettings(StandardCharsets.UTF_8, ';', DecimalStyle.COMMA, DateOrder.DAY_MONTH_YEAR);

    private static final ImportSettings ENGLISH =
            new ImportSettings(StandardCharsets.UTF_8, ',', DecimalStyle.POINT, DateOrder.MONTH_DAY_YEAR);

    private static final ImportSettings YEAR_FIRST =
            new ImportSettings(StandardCharsets.UTF_8, ';', DecimalStyle.COMMA, DateOrder.YEAR_MONTH_DAY);

    private static ImportField field(FieldType type) {
        return ImportField.of("field", "imports.test.field", type, false);
    }

    private static ImportField choice(String id, Map<String, String> choices) {
        return new ImportField(id, "imports.test." + id, FieldType.CHOICE, false, 0, List.of(), choices);
    }

    private static Object value(FieldType type, String raw, ImportSettings settings) {
        ParsedValue parsed = ValueParser.parse(field(type), raw, settings);
        assertThat(parsed.refusal()).as("refusal of %s", raw).isNull();
        return parsed.value();
    }

    private static Refusal refusal(ImportField field, String raw, ImportSettings settings) {
        ParsedValue parsed = ValueParser.parse(field, raw, settings);
        assertThat(parsed.value()).as("value of %s", raw).isNull();
        assertThat(parsed.isRefused()).as("refused: %s", raw).isTrue();
        return parsed.refusal();
    }

    private static String refusalKey(FieldType type, String raw, ImportSettings settings) {
        return refusal(field(type), raw, settings).messageKey();
    }

    @Test
    void text_is_trimmed_including_no_break_spaces() {
        assertThat(value(FieldType.TEXT, "  Peña y Hijos\u00A0\t", SPANISH)).isEqualTo("Peña y Hijos");
    }

    @Test
    void a_blank_cell_has_no_value_unless_the_field_is_required() {
        assertThat(ValueParser.parse(field(FieldType.INTEGER), "   ", SPANISH)).isEqualTo(new ParsedValue(null, null));
        assertThat(ValueParser.parse(field(FieldType.TEXT), null, SPANISH).value())
                .isNull();

        ImportField required = ImportField.of("legalName", "imports.test.name", FieldType.TEXT, true);
        assertThat(refusal(required, " ", SPANISH)).isEqualTo(Refusal.of("legalName", "imports.refusal.required"));
    }

    @Test
    void text_longer_than_the_maximum_is_refused_with_the_maximum() {
        ImportField code = field(FieldType.TEXT).maxLength(5);

        assertThat(ValueParser.parse(code, "ÁÉÍÓÚ", SPANISH).value()).isEqualTo("ÁÉÍÓÚ");
        assertThat(refusal(code, "ABCDEF", SPANISH)).isEqualTo(Refusal.of("field", "imports.refusal.too-long", 5));
    }

    @Test
    void an_email_is_lower_cased() {
        assertThat(value(FieldType.EMAIL, " Maria.Lopez@Ejemplo.ES ", SPANISH)).isEqualTo("maria.lopez@ejemplo.es");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"maria", "maria@", "@ejemplo.es", "maria@ejemplo", "ma ria@ejemplo.es", "a@b@c.es", "a@b..es"})
    void an_email_without_the_shape_of_one_is_refused_with_the_value(String raw) {
        assertThat(refusal(field(FieldType.EMAIL), raw, SPANISH))
                .isEqualTo(Refusal.of("field", "imports.refusal.email", raw));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1.234|1234", "1234|1234", "-12|-12", "+7|7", "1.234.567|1234567", "12,00|12", "0|0"})
    void spanish_whole_numbers(String raw, long expected) {
        assertThat(value(FieldType.INTEGER, raw, SPANISH)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1,234|1234", "1234|1234", "-1,234,567|-1234567", "12.0|12"})
    void english_whole_numbers(String raw, long expected) {
        assertThat(value(FieldType.INTEGER, raw, ENGLISH)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5", "1.23", "1.2345", "doce", "1 234", "99999999999999999999", "12-"})
    void a_whole_number_with_decimals_or_not_a_number_is_refused(String raw) {
        assertThat(refusalKey(FieldType.INTEGER, raw, SPANISH)).isEqualTo("imports.refusal.integer");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1.234,56|1234.56",
                "-12,5|-12.5",
                "1234,56|1234.56",
                "1.234|1234",
                "12|12",
                ",5|0.5",
                "12,50 €|12.50",
                "€ 3,2|3.2",
                "-€3,20|-3.20",
                "€-3,20|-3.20",
                "1.234.567,891|1234567.891"
            })
    void spanish_decimals(String raw, String expected) {
        assertThat(value(FieldType.DECIMAL, raw, SPANISH)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1,234.56|1234.56", "1234.56|1234.56", "-0.75|-0.75", "$1,000|1000", "$ 12.5|12.5", "3|3"})
    void english_decimals(String raw, String expected) {
        assertThat(value(FieldType.DECIMAL, raw, ENGLISH)).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,234.56", "12.5", "1.23,4", "1,2,3", "abc", "12,", "-", "€", "1e5", "12 $"})
    void numbers_not_written_in_the_spanish_style_are_refused(String raw) {
        assertThat(refusalKey(FieldType.DECIMAL, raw, SPANISH)).isEqualTo("imports.refusal.number");
    }

    @Test
    void a_decimal_keeps_its_written_scale_and_has_no_exponent() {
        BigDecimal price = (BigDecimal) value(FieldType.DECIMAL, "1.000.000,50", SPANISH);

        assertThat(price.toString()).isEqualTo("1000000.50");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "31/12/2026|2026-12-31",
                "1/2/2026|2026-02-01",
                "01-02-26|2026-02-01",
                "5.3.2026|2026-03-05",
                "2026-12-31|2026-12-31",
                "2026/1/9|2026-01-09",
                "29/02/2028|2028-02-29",
                "31/12/2026 0:00|2026-12-31",
                "2026-12-31T10:15:30|2026-12-31"
            })
    void spanish_dates_day_first_and_iso_dates(String raw, LocalDate expected) {
        assertThat(value(FieldType.DATE, raw, SPANISH)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"12/31/2026|2026-12-31", "2/1/26|2026-02-01", "2026-12-31|2026-12-31"})
    void american_dates_month_first(String raw, LocalDate expected) {
        assertThat(value(FieldType.DATE, raw, ENGLISH)).isEqualTo(expected);
    }

    @Test
    void dates_year_first() {
        assertThat(value(FieldType.DATE, "26/12/31", YEAR_FIRST)).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(value(FieldType.DATE, "2026.12.31", YEAR_FIRST)).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "31/02/2026",
                "29/02/2027",
                "12/31/2026",
                "00/01/2026",
                "1/1/202",
                "31-12/2026",
                "ayer",
                "31122026"
            })
    void impossible_or_unreadable_dates_are_refused(String raw) {
        assertThat(refusalKey(FieldType.DATE, raw, SPANISH)).isEqualTo("imports.refusal.date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sí", "Si", "S", "yes", "Y", "TRUE", "verdadero", "1", "x", "X"})
    void yes_in_spanish_and_english(String raw) {
        assertThat(value(FieldType.BOOLEAN, raw, SPANISH)).isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "NO", "n", "false", "Falso", "0"})
    void no_in_spanish_and_english(String raw) {
        assertThat(value(FieldType.BOOLEAN, raw, SPANISH)).isEqualTo(false);
    }

    @Test
    void anything_else_is_not_a_yes_or_no() {
        assertThat(refusalKey(FieldType.BOOLEAN, "quizás", SPANISH)).isEqualTo("imports.refusal.boolean");
    }

    @Test
    void a_choice_is_matched_by_any_of_its_names_whatever_the_case_and_accents() {
        ImportField kind = choice(
                "kind",
                Map.of("Cliente", "CLIENT", "client", "CLIENT", "Proveedor", "SUPPLIER", "Supplier", "SUPPLIER"));

        assertThat(ValueParser.parse(kind, " CLIENTE ", SPANISH).value()).isEqualTo("CLIENT");
        assertThat(ValueParser.parse(kind, "proveedor", SPANISH).value()).isEqualTo("SUPPLIER");
        assertThat(ValueParser.parse(kind, "SUPPLIER", ENGLISH).value()).isEqualTo("SUPPLIER");
    }

    @Test
    void an_unknown_choice_is_refused_with_the_value_and_the_accepted_names() {
        ImportField regime = choice("taxRegime", Map.of("General", "GENERAL", "Recargo de equivalencia", "SURCHARGE"));

        assertThat(refusal(regime, "Exento", SPANISH))
                .isEqualTo(Refusal.of(
                        "taxRegime", "imports.refusal.choice", "Exento", "General, Recargo de equivalencia"));
        assertThat(ValueParser.parse(regime, "recargo  de equivalencia", SPANISH)
                        .value())
                .isEqualTo("SURCHARGE");
    }

    @Test
    void a_list_is_split_on_bars_trimmed_and_without_blanks() {
        assertThat(value(FieldType.LIST, " vip | mayorista ||  | norte ", SPANISH))
                .isEqualTo(List.of("vip", "mayorista", "norte"));
        assertThat(ValueParser.parse(field(FieldType.LIST), " | | ", SPANISH).value())
                .isNull();
    }

    @Test
    void each_element_of_a_list_is_held_to_the_maximum_length() {
        ImportField tags = field(FieldType.LIST).maxLength(4);

        assertThat(ValueParser.parse(tags, "vip|nor", SPANISH).value()).isEqualTo(List.of("vip", "nor"));
        assertThat(refusal(tags, "vip|norte", SPANISH)).isEqualTo(Refusal.of("field", "imports.refusal.too-long", 4));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Razón Social|razon social",
                "  NIF/CIF |nif cif",
                "E-mail|e mail",
                "Teléfono (móvil)|telefono movil",
                "Año_Alta|ano alta",
                "ÇÀÜ|cau",
                "---|''"
            })
    void normalising_keeps_letters_and_digits_in_lower_case_without_accents(String raw, String expected) {
        assertThat(ValueParser.normalise(raw)).isEqualTo(expected);
    }
}
