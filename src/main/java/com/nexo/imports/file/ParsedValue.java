package com.nexo.imports.file;

import com.nexo.imports.Refusal;

/**
 * A cell's text read as its field's type.
 *
 * @param value the typed value; null when the cell is blank or refused
 * @param refusal why the cell was refused, or null when it was not
 */
public record ParsedValue(Object value, Refusal refusal) {

    static final ParsedValue BLANK = new ParsedValue(null, null);

    static ParsedValue of(Object value) {
        return new ParsedValue(value, null);
    }

    static ParsedValue refused(Refusal refusal) {
        return new ParsedValue(null, refusal);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
