package com.nexo.imports.jobs;

import com.nexo.imports.ImportTarget;
import com.nexo.imports.file.ImportSettings;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The import centre's service: every method checks the user's permission ({@code imports.*}, and the
 * target's own for running and undoing) and works in the current tenant only.
 */
public interface ImportCentre {

    /** The targets the user may import into. */
    List<ImportTarget> targets();

    /** Stores an uploaded file (streamed, never whole in memory) and reads its header. */
    ImportDraft upload(String fileName, InputStream content) throws IOException;

    /** Reads the header again with other settings (the user changed the separator or the encoding). */
    ImportDraft reread(UUID importId, ImportSettings settings);

    /** The mapping proposed from the header names for a target. */
    ImportMapping propose(UUID importId, String targetId, ImportSettings settings);

    /** The first rows of the file as they would be read with these settings and mapping. */
    List<PreviewRow> preview(UUID importId, ImportRequest request, int rows);

    List<SavedMapping> savedMappings(String targetId);

    /** Saves (or replaces, by name) a mapping of the tenant for a target. */
    SavedMapping saveMapping(String targetId, String name, List<String> headers, ImportMapping mapping);

    /** A saved mapping laid over this file's headers (columns it does not know are skipped). */
    ImportMapping apply(SavedMapping saved, List<String> headers);

    /** Starts a dry run in the background: counts, nothing written. */
    void startDryRun(UUID importId, ImportRequest request);

    /** Starts the import in the background. */
    void start(UUID importId, ImportRequest request);

    /**
     * The request an import was last dry-run or run with, so that a checked import can be run as it was
     * checked (empty for a draft never started).
     */
    default Optional<ImportRequest> request(UUID importId) {
        return Optional.empty();
    }

    /** Resumes a failed import from its last committed chunk. */
    void resume(UUID importId);

    Optional<ImportSummary> find(UUID importId);

    /** The tenant's imports, newest first. */
    List<ImportSummary> history(int offset, int limit);

    long historySize();

    /** Refused rows of the last run (or dry run), by line. */
    List<RefusedRow> refusals(UUID importId, int offset, int limit);

    /** Writes the refused rows as CSV (line, column, reason in {@code locale}, the row's cells). */
    void writeRefusals(UUID importId, Locale locale, OutputStream out) throws IOException;

    UndoPreview previewUndo(UUID importId);

    /** Undoes the import in the background; records changed later are included only if asked. */
    void undo(UUID importId, boolean includeChangedLater);

    /** Calls {@code listener} (on a job's thread) whenever the import's progress or state changes. */
    Registration subscribe(UUID importId, Consumer<ImportSummary> listener);
}
