package com.nexo.base;

import java.util.regex.Pattern;

/**
 * CSV fields as RFC 4180 wants them, safe to open in a spreadsheet: a value that starts like a
 * formula ({@code = + - @}) gets a leading apostrophe, unless it is a phone number or a plain number.
 */
public final class Csv {

    private static final Pattern PHONE = Pattern.compile("\\+[0-9 ().\\-/]*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Csv() {}

    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean formula = !value.isEmpty()
                && "=+-@".indexOf(value.charAt(0)) >= 0
                && !PHONE.matcher(value).matches()
                && !NUMBER.matcher(value).matches();
        String safe = formula ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** One CSV line (with its CRLF) of the given fields. */
    public static String line(String... fields) {
        StringBuilder line = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields[i]));
        }
        return line.append("\r\n").toString();
    }
}
