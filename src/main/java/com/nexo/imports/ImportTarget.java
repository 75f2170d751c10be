package com.nexo.imports;

import java.util.List;
import java.util.Set;

/**
 * What can be imported, declared by the module that owns the records (as a Spring bean). The import
 * centre reads the file, maps and parses its columns into the target's fields, refuses rows whose
 * values do not parse or whose key repeats an earlier line, and hands the rest to the target in
 * batches. Every method runs inside the caller's transaction, bound to the tenant and the importing
 * user (row-level security applies); a target never commits, and works set-based (a few statements
 * per batch, never one per row).
 */
public interface ImportTarget {

    /** Stable id, lower case with hyphens: {@code accounts}, {@code articles}, {@code opening-stock}. */
    String id();

    /** Message key of its name. */
    String labelKey();

    /** Message key of a sentence telling what an import of it does (shown when choosing it). */
    String descriptionKey();

    /** Permissions the user needs, all of them, on top of {@link ImportPermissions#RUN}. */
    Set<String> permissions();

    /** Its fields, in the order they are shown. */
    List<ImportField> fields();

    /** Ids of the fields that may match rows to existing records, the default first. */
    List<String> keyFields();

    /**
     * The fields whose values, together, identify a row when rows are matched by {@code keyField}: the
     * key field alone for most targets; a target whose records are pairs (an article's stock in a
     * warehouse) adds the other half. The import centre refuses a row as a repeat only when all of
     * them repeat an earlier line.
     */
    default List<String> keyOf(String keyField) {
        return List.of(keyField);
    }

    /**
     * The tables an import of this target grows (its main records first). While a large import runs,
     * the centre refreshes their planner statistics each time they have grown by half, so that the
     * lists over them keep their index plans (see {@code nexo_refresh_statistics}). None by default.
     */
    default List<String> tables() {
        return List.of();
    }

    /**
     * Applies a batch: for each row, finds the record its key matches, then creates it, updates it
     * (only when a value differs) or leaves it unchanged, or refuses the row with a reason. With
     * {@code batch.write()} false it only classifies. Returns exactly one outcome per row.
     */
    List<RowOutcome> apply(ImportBatch batch);

    /**
     * Undoes changes of one import: created records are deleted, or archived when something refers to
     * them now; updated records get the values kept in their undo data. A record whose version is not
     * {@link ImportedChange#versionAfter()} any more was changed later by someone else: it is left
     * alone and reported {@link UndoOutcome.Result#CHANGED_LATER}, unless {@code includeChangedLater}.
     * With {@code write} false it only tells what it would do. One outcome per change.
     */
    List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write);
}
