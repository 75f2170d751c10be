package com.nexo.imports;

/**
 * The kind of value a field of an import target takes. The import centre parses the file's text into
 * it before the target sees the row: a target gets typed values, never raw text of another format.
 */
public enum FieldType {
    /** Text, trimmed; {@link String}. */
    TEXT,
    /** An e-mail address, checked for its shape and lower-cased; {@link String}. */
    EMAIL,
    /** A whole number in Spanish or English writing ({@code 1.234} or {@code 1,234}); {@link Long}. */
    INTEGER,
    /** A number in Spanish or English writing ({@code 1.234,56} or {@code 1,234.56}); {@link java.math.BigDecimal}. */
    DECIMAL,
    /** A date ({@code 31/12/2026}, {@code 2026-12-31}, ...); {@link java.time.LocalDate}. */
    DATE,
    /** Yes or no ({@code sí}, {@code no}, {@code yes}, {@code true}, {@code 1}, ...); {@link Boolean}. */
    BOOLEAN,
    /** One of the field's choices, matched by any of their names; the choice's value as {@link String}. */
    CHOICE,
    /** Several texts in one cell separated by {@code |} (tags, e-mails); {@code List<String>}. */
    LIST
}
