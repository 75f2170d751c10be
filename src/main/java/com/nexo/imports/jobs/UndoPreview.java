package com.nexo.imports.jobs;

import java.util.List;

/**
 * What undoing an import would do.
 *
 * @param delete created records that would be deleted
 * @param archive created records that something refers to now, archived instead
 * @param restore updated records that would get their previous values back
 * @param changedLater lines whose records someone changed after the import: left alone unless confirmed
 */
public record UndoPreview(long delete, long archive, long restore, List<ChangedLater> changedLater) {

    /** A record changed after the import, by its line in the file and what the list shows of it. */
    public record ChangedLater(long line, String entityId) {}
}
