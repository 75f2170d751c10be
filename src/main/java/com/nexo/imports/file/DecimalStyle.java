package com.nexo.imports.file;

/** How numbers write their decimals and thousands. */
public enum DecimalStyle {
    /** {@code 1.234,56} (Spanish). */
    COMMA,
    /** {@code 1,234.56} (English). */
    POINT
}
