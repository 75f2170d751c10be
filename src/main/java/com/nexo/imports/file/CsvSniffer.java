package com.nexo.imports.file;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses how a file is written from its first bytes: charset, separator, decimals and date order. The
 * user sees the guess and can change it, so a wrong guess costs a click, not an import.
 */
public final class CsvSniffer {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** In order of preference when two fit the file equally well. */
    private static final char[] SEPARATORS = {';', ',', '\t'};

    /** A head this long is probably the start of a longer file, cut anywhere. */
    private static final int FULL_HEAD = 64 * 1024;

    /** Enough records to see a pattern, few enough to stay quick. */
    private static final int MAX_LINES = 50;

    /** 1.234,56 and 1.234.567: a point groups thousands, so the comma is the decimal mark. */
    private static final Pattern COMMA_GROUPED =
            Pattern.compile("[-+]?\\d{1,3}(?:\\.\\d{3})+,\\d+|[-+]?\\d{1,3}(?:\\.\\d{3}){2,}");

    private static final Pattern POINT_GROUPED =
            Pattern.compile("[-+]?\\d{1,3}(?:,\\d{3})+\\.\\d+|[-+]?\\d{1,3}(?:,\\d{3}){2,}");

    private static final Pattern COMMA_DECIMAL = Pattern.compile("[-+]?\\d*,\\d+");
    private static final Pattern POINT_DECIMAL = Pattern.compile("[-+]?\\d*\\.\\d+");

    /** 1,234 or 1.234: thousands in one style, decimals in the other; says nothing. */
    private static final Pattern AMBIGUOUS = Pattern.compile("[-+]?[1-9]\\d{0,2}[.,]\\d{3}");

    private static final Pattern DATE =
            Pattern.compile("(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");

    private CsvSniffer() {}

    /**
     * The settings the file most likely uses; where its first lines say nothing (a one-column file, no
     * numbers or dates), the Spanish ones.
     *
     * @param head the file's first bytes (up to 64 KiB; the last line or character may be cut)
     */
    public static ImportSettings detect(byte[] head) {
        boolean byteOrderMark =
                head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
        Charset charset = byteOrderMark || isUtf8(head) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        int skip = byteOrderMark ? 3 : 0;
        List<String> lines = lines(new String(head, skip, head.length - skip, charset), head.length >= FULL_HEAD);
        char separator = separator(lines);
        List<String> cells = new ArrayList<>();
        for (String line : lines) {
            cells.addAll(cells(line, separator));
        }
        return new ImportSettings(charset, separator, decimals(cells, separator), dates(cells));
    }

    /** Valid UTF-8 (plain ASCII is), allowing a sequence cut by the end of the head. */
    private static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xFF;
            int following;
            if (lead < 0x80) {
                i++;
                continue;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                following = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                following = 2;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                following = 3;
            } else {
                return false;
            }
            for (int k = 1; k <= following; k++) {
                if (i + k >= bytes.length) {
                    return true;
                }
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += following + 1;
        }
        return true;
    }

    /**
     * The first records, each as one string (a quoted cell may span lines), without empty lines. A last
     * record that a full head may have cut short is left out when there are others to judge by.
     */
    private static List<String> lines(String text, boolean mayBeCut) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < text.length() && lines.size() < MAX_LINES; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    current.append(c); // a doubled quote: both kept, still quoted
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '\n' || c == '\r') {
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                cellStart = true;
                continue;
            } else {
                quoted = c == '"' && cellStart;
                cellStart = c == ';' || c == ',' || c == '\t';
            }
            current.append(c);
        }
        if (!current.isEmpty() && lines.size() < MAX_LINES && (!mayBeCut || lines.isEmpty())) {
            lines.add(current.toString());
        }
        return lines;
    }

    /** The candidate whose count per line is the same on most lines; by preference on a tie. */
    private static char separator(List<String> lines) {
        char best = SEPARATORS[0];
        int bestScore = 0;
        for (char candidate : SEPARATORS) {
            Map<Integer, Integer> linesPerCount = new HashMap<>();
            for (String line : lines) {
                int count = cells(line, candidate).size() - 1;
                if (count > 0) {
                    linesPerCount.merge(count, 1, Integer::sum);
                }
            }
            int score = linesPerCount.values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * A record's cells as {@link CsvRows} reads them (a quote opens a quoted cell only at its start),
     * unquoted and trimmed.
     */
    private static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append(c);
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == separator) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
                cellStart = true;
                continue;
            } else if (c == '"' && cellStart) {
                quoted = true;
            } else {
                cell.append(c);
            }
            cellStart = false;
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    private static DecimalStyle decimals(List<String> cells, char separator) {
        int comma = 0;
        int point = 0;
        for (String cell : cells) {
            String number = withoutCurrency(cell);
            if (COMMA_GROUPED.matcher(number).matches()) {
                comma++;
            } else if (POINT_GROUPED.matcher(number).matches()) {
                point++;
            } else if (AMBIGUOUS.matcher(number).matches()) {
                continue;
            } else if (COMMA_DECIMAL.matcher(number).matches()) {
                comma++;
            } else if (POINT_DECIMAL.matcher(number).matches()) {
                point++;
            }
        }
        if (comma != point) {
            return comma > point ? DecimalStyle.COMMA : DecimalStyle.POINT;
        }
        return separator == ';' ? DecimalStyle.COMMA : DecimalStyle.POINT;
    }

    private static String withoutCurrency(String cell) {
        String number = cell;
        if (number.endsWith("€")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        if (number.startsWith("€") || number.startsWith("$")) {
            number = number.substring(1).strip();
        }
        return number;
    }

    /**
     * A four-digit first part is a year; a first part over 12 is a day; a second part over 12 is a day
     * after the month. ISO dates are read whatever the order, so the written dates decide when there
     * are both.
     */
    private static DateOrder dates(List<String> cells) {
        int dayFirst = 0;
        int monthFirst = 0;
        int yearFirst = 0;
        for (String cell : cells) {
            Matcher date = DATE.matcher(cell);
            if (!date.matches()) {
                continue;
            }
            String first = date.group(1);
            int second = Integer.parseInt(date.group(3));
            String last = date.group(4);
            if (first.length() == 4 && last.length() <= 2) {
                yearFirst++;
            } else if (first.length() > 2 || last.length() == 3) {
                continue;
            } else if (Integer.parseInt(first) > 12) {
                dayFirst++;
            } else if (second > 12) {
                monthFirst++;
            }
        }
        if (monthFirst > dayFirst) {
            return DateOrder.MONTH_DAY_YEAR;
        }
        if (dayFirst == 0 && yearFirst > 0) {
            return DateOrder.YEAR_MONTH_DAY;
        }
        return DateOrder.DAY_MONTH_YEAR;
    }
}
