package com.nexo.imports.file;

import com.nexo.imports.FieldType;
import com.nexo.imports.ImportField;
import com.nexo.imports.Refusal;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cell's text as the value its field takes ({@link FieldType}), in the way the file writes
 * numbers and dates ({@link ImportSettings}). A value it cannot read is refused with the reason, never
 * guessed: a row with a refused value is not imported.
 */
public final class ValueParser {

    /** One @, something before it, a domain with a dot after it; the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\".]+(?:\\.[^@\\s,;<>\".]+)+");

    /** Whole numbers: 1.234 or 1234 (Spanish), 1,234 or 1234 (English); zero decimals (12,00) are whole. */
    private static final Pattern INTEGER_COMMA =
            Pattern.compile("(?<sign>[-+]?)(?<digits>\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,0+)?");

    private static final Pattern INTEGER_POINT =
            Pattern.compile("(?<sign>[-+]?)(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.0+)?");

    /** 1.234,56, 1234,56, 1.234, 12, ,5 (Spanish). */
    private static final Pattern DECIMAL_COMMA =
            Pattern.compile("(?<digits>\\d{1,3}(?:\\.\\d{3})+|\\d*)(?:,(?<fraction>\\d+))?");

    /** 1,234.56, 1234.56, 1,234, 12, .5 (English). */
    private static final Pattern DECIMAL_POINT =
            Pattern.compile("(?<digits>\\d{1,3}(?:,\\d{3})+|\\d*)(?:\\.(?<fraction>\\d+))?");

    /** 31/12/2026, 12-31-26, 2026.12.31, 2026-12-31; a time after it (as spreadsheets export) is ignored. */
    private static final Pattern DATE =
            Pattern.compile("(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

    private static final Set<String> YES = Set.of("si", "s", "yes", "y", "true", "verdadero", "1", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "falso", "0");

    /** A field's choices by normalised name, kept so that a million rows do not normalise them again. */
    private static final Map<Map<String, String>, Map<String, String>> CHOICES = new ConcurrentHashMap<>();

    private ValueParser() {}

    public static ParsedValue parse(ImportField field, String raw, ImportSettings settings) {
        String text = trim(raw);
        if (text.isEmpty()) {
            return blank(field);
        }
        return switch (field.type()) {
            case TEXT -> text(field, text);
            case EMAIL -> email(field, text);
            case INTEGER -> integer(field, text, settings.decimals());
            case DECIMAL -> decimal(field, text, settings.decimals());
            case DATE -> date(field, text, settings.dates());
            case BOOLEAN -> bool(field, text);
            case CHOICE -> choice(field, text);
            case LIST -> list(field, text);
        };
    }

    /**
     * A text reduced to what a person means by it, to compare headers and names: lower case, without
     * accents ({@code Razón Social} and {@code razon  social} are the same), every run of other
     * characters than letters and digits one space ({@code NIF/CIF} is {@code nif cif}).
     */
    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT);
        String letters = isAscii(lower) ? lower : Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(letters.length());
        boolean gap = false;
        for (int i = 0; i < letters.length(); ) {
            int c = letters.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link String#strip()}, and also the no-break spaces spreadsheets put around numbers. */
    private static String trim(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
    }

    private static ParsedValue blank(ImportField field) {
        return field.required()
                ? ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.required"))
                : ParsedValue.BLANK;
    }

    private static boolean tooLong(ImportField field, String text) {
        return field.maxLength() > 0 && text.codePointCount(0, text.length()) > field.maxLength();
    }

    private static ParsedValue text(ImportField field, String text) {
        if (tooLong(field, text)) {
            return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.too-long", field.maxLength()));
        }
        return ParsedValue.of(text);
    }

    private static ParsedValue email(ImportField field, String text) {
        if (!EMAIL.matcher(text).matches()) {
            return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.email", text));
        }
        if (tooLong(field, text)) {
            return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.too-long", field.maxLength()));
        }
        return ParsedValue.of(text.toLowerCase(Locale.ROOT));
    }

    private static ParsedValue integer(ImportField field, String text, DecimalStyle style) {
        Matcher number = (style == DecimalStyle.COMMA ? INTEGER_COMMA : INTEGER_POINT).matcher(text);
        if (number.matches()) {
            String digits = number.group("digits").replace(style == DecimalStyle.COMMA ? "." : ",", "");
            try {
                return ParsedValue.of(Long.parseLong(number.group("sign") + digits));
            } catch (NumberFormatException tooBig) {
                // Falls through to the refusal: no import field holds a number past Long's range.
            }
        }
        return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.integer"));
    }

    private static ParsedValue decimal(ImportField field, String text, DecimalStyle style) {
        String number = text;
        if (number.endsWith("€")) {
            number = trim(number.substring(0, number.length() - 1));
        }
        String sign = "";
        if (number.startsWith("-") || number.startsWith("+")) {
            sign = number.substring(0, 1);
            number = trim(number.substring(1));
        }
        if (number.startsWith("€") || number.startsWith("$")) {
            number = trim(number.substring(1));
            if (sign.isEmpty() && (number.startsWith("-") || number.startsWith("+"))) {
                sign = number.substring(0, 1);
                number = number.substring(1);
            }
        }
        Matcher written = (style == DecimalStyle.COMMA ? DECIMAL_COMMA : DECIMAL_POINT).matcher(number);
        if (!written.matches() || written.group("digits").isEmpty() && written.group("fraction") == null) {
            return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.number"));
        }
        String digits = written.group("digits").replace(style == DecimalStyle.COMMA ? "." : ",", "");
        String fraction = written.group("fraction");
        String plain =
                sign.replace("+", "") + (digits.isEmpty() ? "0" : digits) + (fraction == null ? "" : "." + fraction);
        return ParsedValue.of(new BigDecimal(plain));
    }

    private static ParsedValue date(ImportField field, String text, DateOrder order) {
        Matcher written = DATE.matcher(text);
        if (written.matches()) {
            String first = written.group(1);
            String second = written.group(3);
            String last = written.group(4);
            LocalDate date;
            if (first.length() == 4) {
                // Only a year has four digits: 2026/12/31 and 2026-12-31 read the same whatever the order.
                date = date(first, second, last);
            } else if (first.length() > 2) {
                date = null;
            } else {
                date = switch (order) {
                    case DAY_MONTH_YEAR -> date(last, second, first);
                    case MONTH_DAY_YEAR -> date(last, first, second);
                    case YEAR_MONTH_DAY -> date(first, second, last);
                };
            }
            if (date != null) {
                return ParsedValue.of(date);
            }
        }
        return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.date"));
    }

    /** The date, or null when a part is out of range or the day does not exist (31/02). */
    private static LocalDate date(String year, String month, String day) {
        if (year.length() != 2 && year.length() != 4 || day.length() > 2) {
            return null;
        }
        int fullYear = year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year);
        try {
            return LocalDate.of(fullYear, Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static ParsedValue bool(ImportField field, String text) {
        String word = normalise(text);
        if (YES.contains(word)) {
            return ParsedValue.of(Boolean.TRUE);
        }
        if (NO.contains(word)) {
            return ParsedValue.of(Boolean.FALSE);
        }
        return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.boolean"));
    }

    private static ParsedValue choice(ImportField field, String text) {
        if (CHOICES.size() > 1_000) {
            CHOICES.clear(); // fields are few; this only bounds a cache that something misuses
        }
        Map<String, String> byName = CHOICES.computeIfAbsent(field.choices(), ValueParser::byNormalisedName);
        String value = byName.get(normalise(text));
        if (value != null) {
            return ParsedValue.of(value);
        }
        String accepted =
                String.join(", ", field.choices().keySet().stream().sorted().toList());
        return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.choice", text, accepted));
    }

    private static Map<String, String> byNormalisedName(Map<String, String> choices) {
        Map<String, String> byName = new HashMap<>();
        choices.forEach((name, value) -> byName.put(normalise(name), value));
        return Map.copyOf(byName);
    }

    private static ParsedValue list(ImportField field, String text) {
        List<String> items = new ArrayList<>();
        for (String part : text.split("\\|")) {
            String item = trim(part);
            if (item.isEmpty()) {
                continue;
            }
            if (tooLong(field, item)) {
                return ParsedValue.refused(Refusal.of(field.id(), "imports.refusal.too-long", field.maxLength()));
            }
            items.add(item);
        }
        return items.isEmpty() ? blank(field) : ParsedValue.of(List.copyOf(items));
    }
}
