package com.nexo.articles.imports;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A part of the caller's transaction that can be given up on its own: undo tries to delete what an
 * import created, and a record another module refers to since (a sales line, a bill of materials)
 * makes the database refuse the delete. The refusal is caught and the work rolled back to the
 * savepoint, leaving the rest of the transaction, its tenant and role binding included, as it was.
 */
final class Savepoint {

    private Savepoint() {}

    /**
     * Runs {@code work} after a savepoint: keeps it when it succeeds and {@code keep} is true, rolls
     * it back otherwise (a dry run only wants to know whether it would succeed). Returns false when
     * a reference refused it.
     */
    static boolean attempt(JdbcClient jdbc, Runnable work, boolean keep) {
        jdbc.sql("SAVEPOINT nexo_import_undo").update();
        boolean done;
        try {
            work.run();
            done = true;
        } catch (DataIntegrityViolationException refused) {
            done = false;
        }
        if (done && keep) {
            jdbc.sql("RELEASE SAVEPOINT nexo_import_undo").update();
        } else {
            jdbc.sql("ROLLBACK TO SAVEPOINT nexo_import_undo").update();
            jdbc.sql("RELEASE SAVEPOINT nexo_import_undo").update();
        }
        return done;
    }
}
