package com.nexo.imports.jobs;

/** Where an import stands. */
public enum ImportState {
    /** Uploaded; mapping and dry run may follow. */
    DRAFT,
    /** A dry run is going on in the background. */
    CHECKING,
    /** A dry run finished: its counts are there, nothing was written. */
    CHECKED,
    /** Waiting for a free worker. */
    QUEUED,
    /** Being applied in the background. */
    RUNNING,
    /** Applied; may be undone. */
    COMPLETED,
    /** Stopped by a failure (the database went away, the server stopped): may be resumed. */
    FAILED,
    /** Being undone. */
    UNDOING,
    /** Undone. */
    UNDONE
}
