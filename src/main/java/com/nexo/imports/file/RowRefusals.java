package com.nexo.imports.file;

import com.nexo.imports.Refusal;

/** Refusals of a row as a whole (no field at fault) that the import job gives while reading a file. */
public final class RowRefusals {

    private RowRefusals() {}

    /** The row has more or fewer cells than the header. */
    public static Refusal columns(int expected, int found) {
        return Refusal.of(null, "imports.refusal.columns", expected, found);
    }

    /** An earlier row of the same file has the same key (it would be imported twice). */
    public static Refusal duplicateKey(long earlierLine) {
        return Refusal.of(null, "imports.refusal.duplicate-key", earlierLine);
    }
}
