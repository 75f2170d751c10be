package com.nexo.imports.jobs;

import com.nexo.imports.FieldType;
import com.nexo.imports.ImportField;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parsed values as the staging table keeps them (text, one per field) and back: numbers in plain
 * writing, dates in ISO, lists joined by the unit separator (which no cell of a text file holds).
 */
final class StagedValues {

    static final char LIST_SEPARATOR = '\u001f';

    private StagedValues() {}

    static String encode(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal.toPlainString();
            case List<?> list ->
                String.join(
                        String.valueOf(LIST_SEPARATOR),
                        list.stream().map(String::valueOf).toList());
            default -> value.toString();
        };
    }

    static Object decode(ImportField field, String text) {
        if (text == null) {
            return null;
        }
        return switch (field.type()) {
            case TEXT, EMAIL, CHOICE -> text;
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case DATE -> LocalDate.parse(text);
            case BOOLEAN -> Boolean.valueOf(text);
            case LIST -> Arrays.asList(text.split(String.valueOf(LIST_SEPARATOR), -1));
        };
    }

    /** The key rows are matched by within the file: case, spaces, dots and hyphens do not count. */
    static String key(ImportField field, Object value) {
        if (value == null) {
            return null;
        }
        String text = field.type() == FieldType.LIST ? encode(value) : value.toString();
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        String key = folded.replaceAll("[\\s.\\-]", "");
        return key.isEmpty() ? null : key;
    }
}
