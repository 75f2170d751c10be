package com.nexo.imports;

import java.util.UUID;

/** What undoing one change did, or would do. */
public record UndoOutcome(UUID entityId, Result result) {

    public enum Result {
        /** A created record was deleted. */
        DELETED,
        /** A created record is referred to by something since: archived instead of deleted. */
        ARCHIVED,
        /** An updated record got its previous values back. */
        RESTORED,
        /** Someone changed the record after the import: left alone (unless the user confirmed). */
        CHANGED_LATER,
        /** The record is gone already. */
        GONE
    }
}
