package com.nexo.history;

/**
 * One column's change: the values before and after, as JSON text ({@code "Acme"}, {@code 30},
 * {@code ["CLIENT"]}, {@code null}), so any column type can be shown or compared.
 */
public record FieldChange(String column, String before, String after) {}
