package com.nexo.imports;

import java.util.UUID;

/**
 * A change an import made, as the import centre kept it, handed back to the target to undo.
 *
 * @param line the row's line in the file
 * @param entityId the record
 * @param action {@link RowAction#CREATED} or {@link RowAction#UPDATED}
 * @param undoData what the target returned in {@link RowOutcome#undoData()}
 * @param versionAfter what the target returned in {@link RowOutcome#versionAfter()}
 */
public record ImportedChange(long line, UUID entityId, RowAction action, String undoData, Long versionAfter) {}
