package com.nexo.imports.jobs;

import java.util.UUID;

/**
 * A job's write found its import held by another node: this node stalled for longer than the lease
 * and the import was taken over. Thrown inside the chunk's transaction, so nothing of the chunk stays.
 */
class ImportLeaseLostException extends RuntimeException {

    ImportLeaseLostException(UUID importId) {
        super("import " + importId + " is no longer held by this node (another node took it over)");
    }
}
