package com.nexo.base.numbering;

import java.util.Objects;

/**
 * A document's number: its series (the document type's letters, {@code F} for invoices), the year
 * and the place in that year's series, printed as {@code F2026-000123}.
 *
 * @param series upper-case letters and digits, starting with a letter, at most 10
 * @param year the series' year
 * @param sequence 1 for the first number of the year
 */
public record DocumentNumber(String series, int year, long sequence) {

    /** Digits of the sequence in the printed number (more when a year needs more). */
    public static final int DIGITS = 6;

    public DocumentNumber {
        Objects.requireNonNull(series, "series");
        if (sequence < 1) {
            throw new IllegalArgumentException("A sequence starts at 1: " + sequence);
        }
    }

    /** The number as printed on the document and searched for: {@code F2026-000123}. */
    public String text() {
        return series + year + "-" + String.format("%0" + DIGITS + "d", sequence);
    }

    @Override
    public String toString() {
        return text();
    }
}
