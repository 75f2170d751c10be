package com.nexo.base.csv;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The one CSV writer of every export: streamed line by line to the response (an export of any size
 * never sits in memory), UTF-8 with a byte order mark so that spreadsheet programs read accents
 * right, RFC 4180 quoting, and the conventions of the reader's language so that a double click opens
 * it in columns: Spanish uses {@code ;} between cells and a decimal comma (a Spanish spreadsheet reads
 * {@code ,} as the decimal separator), English {@code ,} and a decimal point.
 *
 * <p>A cell that a spreadsheet would run as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) gets a leading apostrophe, unless it is a number or a phone
 * number, which cannot call anything. Headers come translated from the caller.
 *
 * <pre>{@code
 * try (CsvWriter csv = CsvWriter.open(out, locale, zone)) {
 *     csv.header(List.of(label("code"), label("name"), label("price")));
 *     rows.forEach(row -> csv.text(row.code()).text(row.name()).number(row.price()).endRow());
 * }
 * }</pre>
 */
public final class CsvWriter implements Flushable, AutoCloseable {

    /** The byte order mark that tells spreadsheet programs the file is UTF-8. */
    public static final char BOM = '\uFEFF';

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+([.,][0-9]+)?");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9 ().\\-/]*");

    private final Writer out;
    private final char separator;
    private final char decimalSeparator;
    private final ZoneId zone;
    private boolean lineStarted;

    private CsvWriter(Writer out, Locale locale, ZoneId zone) {
        this.out = out;
        boolean spanish = "es".equals(locale.getLanguage());
        this.separator = spanish ? ';' : ',';
        this.decimalSeparator = spanish ? ',' : '.';
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * A writer on {@code out} for a reader of {@code locale} whose clock shows {@code zone}; writes the
     * byte order mark at once. Closing the writer flushes it and closes {@code out}.
     */
    public static CsvWriter open(OutputStream out, Locale locale, ZoneId zone) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write(BOM);
        return new CsvWriter(writer, locale, zone);
    }

    /**
     * The translations an export's headers and values are written in: Spanish for a Spanish reader,
     * English for anyone else (the application's bundle, no fallback to the default locale).
     */
    public static ResourceBundle translations(Locale locale) {
        return ResourceBundle.getBundle(
                "vaadin-i18n.translations",
                locale == null || !"es".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.of("es"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The header line: one translated title per column. */
    public CsvWriter header(Collection<String> titles) throws IOException {
        for (String title : titles) {
            text(title);
        }
        return endRow();
    }

    /** A text cell; null is an empty cell. */
    public CsvWriter text(String value) throws IOException {
        if (lineStarted) {
            out.write(separator);
        }
        lineStarted = true;
        out.write(escape(value));
        return this;
    }

    /** Several values in one cell, joined by {@code joiner} (e.g. the e-mails of an account). */
    public CsvWriter texts(List<String> values, String joiner) throws IOException {
        return text(values == null || values.isEmpty() ? null : String.join(joiner, values));
    }

    /** A number as the reader's spreadsheet reads numbers: no grouping, its decimal separator. */
    public CsvWriter number(BigDecimal value) throws IOException {
        return text(value == null ? null : decimal(value));
    }

    public CsvWriter number(long value) throws IOException {
        return text(Long.toString(value));
    }

    /** A yes/no cell as the translated words the caller gives. */
    public CsvWriter flag(boolean value, String yes, String no) throws IOException {
        return text(value ? yes : no);
    }

    /** A date as ISO 8601 (2026-12-02), which every spreadsheet reads as a date. */
    public CsvWriter date(LocalDate value) throws IOException {
        return text(value == null ? null : value.toString());
    }

    /** A moment as date and time to the second in the reader's time zone (2026-12-02 14:05:09). */
    public CsvWriter dateTime(Instant value) throws IOException {
        return text(value == null ? null : DATE_TIME.withZone(zone).format(value));
    }

    /** Ends the current line (CRLF, as RFC 4180 says). */
    public CsvWriter endRow() throws IOException {
        out.write("\r\n");
        lineStarted = false;
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private String decimal(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
    }

    /**
     * The cell as written: neutralised against formulas, then quoted when it must be. A cell holding
     * either separator is quoted (a Spanish decimal "12,5" too), so that the columns stay right when
     * a spreadsheet assumes the other language's separator.
     */
    String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeFormula(value) ? "'" + value : value;
        boolean quote = safe.indexOf(separator) >= 0
                || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0
                || safe.indexOf(',') >= 0
                || safe.indexOf(';') >= 0;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static boolean startsLikeFormula(String value) {
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        if ("=+-@".indexOf(first) < 0) {
            return false;
        }
        return !PLAIN_NUMBER.matcher(value).matches() && !PHONE.matcher(value).matches();
    }
}
