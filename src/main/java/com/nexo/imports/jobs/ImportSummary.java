package com.nexo.imports.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An import as the import centre shows it.
 *
 * @param totalRows rows of the file (known once it has been read through; 0 before)
 * @param rowsDone rows applied (or checked, in a dry run) so far
 * @param dryRun the dry run's counts (empty before a dry run)
 * @param counts the run's counts
 * @param rowsPerSecond the speed of the running job over its last minute (0 when not running)
 * @param failure message key of why it failed (empty unless {@link ImportState#FAILED})
 */
public record ImportSummary(
        UUID id,
        String targetId,
        String fileName,
        long fileSize,
        ImportState state,
        String userName,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long totalRows,
        long rowsDone,
        Optional<ImportCounts> dryRun,
        ImportCounts counts,
        double rowsPerSecond,
        Optional<String> failure) {

    /** Estimated time left of a running job, when it can be told. */
    public Optional<Duration> timeLeft() {
        if (rowsPerSecond <= 0 || totalRows <= rowsDone || totalRows == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds((long) Math.ceil((totalRows - rowsDone) / rowsPerSecond)));
    }

    /** The target id of an uploaded file whose target is not chosen yet (a draft). */
    public static final String NO_TARGET = "none";

    /** Whether the import has a target yet (a draft just uploaded has none). */
    public boolean targetChosen() {
        return !NO_TARGET.equals(targetId);
    }

    /** Time the run took, or has taken so far. */
    public Optional<Duration> duration() {
        if (startedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt));
    }

    public boolean running() {
        return state == ImportState.CHECKING
                || state == ImportState.RUNNING
                || state == ImportState.QUEUED
                || state == ImportState.UNDOING;
    }
}
