package com.nexo.imports;

import java.util.Objects;
import java.util.UUID;

/**
 * What a target did with one row.
 *
 * @param line the row's line
 * @param action created, updated, unchanged or refused
 * @param entityId the record created, updated or matched (null when refused)
 * @param undoData what the target needs to undo the change, as a JSON object of its own making (the
 *     previous values of an update; ids of records created alongside): null when nothing is to undo
 * @param versionAfter the record's version right after the import, to tell later changes by others
 *     (null when the record has none or nothing was written)
 * @param refusal why the row was refused (only for {@link RowAction#REFUSED})
 */
public record RowOutcome(
        long line, RowAction action, UUID entityId, String undoData, Long versionAfter, Refusal refusal) {

    public RowOutcome {
        Objects.requireNonNull(action, "action");
        if ((action == RowAction.REFUSED) != (refusal != null)) {
            throw new IllegalArgumentException("a refusal goes with a refused row, and only with one");
        }
    }

    public static RowOutcome created(long line, UUID id, String undoData, Long versionAfter) {
        return new RowOutcome(line, RowAction.CREATED, id, undoData, versionAfter, null);
    }

    public static RowOutcome updated(long line, UUID id, String undoData, Long versionAfter) {
        return new RowOutcome(line, RowAction.UPDATED, id, undoData, versionAfter, null);
    }

    public static RowOutcome unchanged(long line, UUID id) {
        return new RowOutcome(line, RowAction.UNCHANGED, id, null, null, null);
    }

    public static RowOutcome refused(long line, Refusal refusal) {
        return new RowOutcome(line, RowAction.REFUSED, null, null, null, refusal);
    }
}
