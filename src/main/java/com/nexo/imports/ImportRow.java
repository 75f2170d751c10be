package com.nexo.imports;

import java.util.Collections;
import java.util.Map;

/**
 * One row of the file as a target gets it: its line number and the values of the mapped fields, typed
 * as {@link FieldType} says. Fields not mapped, or blank in the file, are absent.
 */
public record ImportRow(long line, Map<String, Object> values) {

    public ImportRow {
        values = Collections.unmodifiableMap(values);
    }

    public boolean has(String field) {
        return values.get(field) != null;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String field) {
        return (T) values.get(field);
    }
}
