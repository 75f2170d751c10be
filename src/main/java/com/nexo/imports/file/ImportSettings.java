package com.nexo.imports.file;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a file is read: detected from its first bytes, and overridable by the user.
 *
 * @param charset UTF-8 (with or without a byte order mark) or Windows-1252 (which covers Latin-1's letters)
 * @param separator {@code ,}, {@code ;} or a tab
 * @param decimals how numbers write their decimals
 * @param dates the order of day, month and year in dates written with {@code /}, {@code -} or {@code .}
 *     (ISO dates {@code 2026-12-31} are read whatever this says)
 */
public record ImportSettings(Charset charset, char separator, DecimalStyle decimals, DateOrder dates) {

    public ImportSettings {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(decimals, "decimals");
        Objects.requireNonNull(dates, "dates");
        if (separator != ',' && separator != ';' && separator != '\t') {
            throw new IllegalArgumentException("separator must be , ; or tab");
        }
    }
}
