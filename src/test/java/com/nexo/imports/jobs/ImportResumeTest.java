package com.nexo.imports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import com.nexo.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import survives the death of the node that runs it and the loss of its database connections:
 * resumed, it goes on after its last committed chunk, and in the end every row of the file was applied
 * exactly once (no account missing, none made twice, one change kept per line for undo).
 */
@NexoSpringTest
class ImportResumeTest {

    static final String ADMIN = ImportCentreTest.ADMIN;

    @Autowired
    ImportCentre centre;

    @Autowired
    ImportRuns runs;

    @Autowired
    ImportLauncher launcher;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /**
     * One second node runs two imports in turn and fails at each in a different way. It stalls (frozen
     * with SIGSTOP) in the middle of the first for longer than the lease: this node takes the import
     * over and goes on with it; the second node, woken up, finds the import no longer its own and writes
     * nothing more to it. It then takes up the second import by itself (its periodic look for imports
     * whose lease ran out) and is killed in the middle of it: this node takes that one over too.
     */
    @Test
    void an_import_whose_node_stalls_or_dies_goes_on_elsewhere_without_losing_or_doubling_a_row() {
        int stalledRows = 40_000;
        int killedRows = 30_000;
        String stalledTag = ImportCentreTest.tag();
        String killedTag = ImportCentreTest.tag();
        ImportDraft stalledDraft = uploaded(stalledTag, stalledRows);
        ImportDraft killedDraft = uploaded(killedTag, killedRows);
        UUID stalled = stalledDraft.importId();
        UUID killed = killedDraft.importId();
        // Queued as start() would queue it, but with its lease already run out: to every node it is an
        // import whose node died before running it, and the next node that looks takes it up.
        queueInterrupted(stalled, request(stalledDraft));

        // Small chunks, a short lease and a look for interrupted imports every second on the second
        // node, so the stall and the kill fall between chunks of the apply and count soon after. A
        // transaction it leaves open while frozen is ended by the database after five seconds, as a
        // stalled node's would be by such a setting (else this node would wait for it to wake up).
        ImportNode node = ImportNode.start(
                "--nexo.imports.apply-rows=1000",
                "--nexo.imports.lease=4s",
                "--nexo.imports.sweep=1s",
                "--spring.datasource.hikari.connection-init-sql=SET idle_in_transaction_session_timeout = '5s'");
        try {
            long frozenAt = awaitApplying(node, stalled, stalledRows).rowsDone();
            node.freeze();
            long tookOver = awaitTakenOver(stalled);
            System.out.printf(
                    "ImportResumeTest: froze the import node at %d of %d rows applied; this node took it over at %d%n",
                    frozenAt, stalledRows, tookOver);

            queueInterrupted(killed, request(killedDraft));
            node.thaw();
            long killedAt = awaitApplying(node, killed, killedRows).rowsDone();
            node.kill();
            ImportSummary afterKill = find(killed);
            System.out.printf(
                    "ImportResumeTest: killed the import node at %d of %d rows applied (%d committed)%n",
                    killedAt, killedRows, afterKill.rowsDone());
            assertThat(afterKill.state())
                    .as("an import whose node was killed still looks running until its lease runs out")
                    .isEqualTo(ImportState.RUNNING);
            assertThat(afterKill.rowsDone()).isBetween(1L, killedRows - 1L);
            assertThat(ImportNode.tail(400))
                    .as("the woken node's log: it left the import taken over from it")
                    .contains("Import " + stalled + ": taken over by another node");
        } finally {
            node.close();
        }
        awaitTakenOver(killed);

        assertImportedExactlyOnce(awaitEnd(stalled, Duration.ofMinutes(10)), stalledTag, stalledRows);
        assertImportedExactlyOnce(awaitEnd(killed, Duration.ofMinutes(10)), killedTag, killedRows);
    }

    @Test
    void a_database_failure_fails_the_import_cleanly_and_it_can_be_resumed() throws SQLException {
        int rows = 30_000;
        String tag = ImportCentreTest.tag();
        ImportDraft draft = uploaded(tag, rows);
        UUID id = draft.importId();
        ImportRequest request = request(draft);
        as(() -> {
            centre.start(id, request);
            return null;
        });

        // Once a chunk of the apply has been committed, the application's connections are cut (as a
        // restarted or failed-over database would) until the import ends: a kill that fell between the
        // job's transactions leaves it going, so it is tried again a second later.
        int kills = 0;
        int terminated = 0;
        ImportSummary ended = null;
        Instant lastKill = Instant.EPOCH;
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        Instant told = Instant.now();
        try (Connection postgres = DriverManager.getConnection(TestDatabase.adminUrl(), "postgres", "")) {
            while (ended == null && Instant.now().isBefore(until)) {
                Optional<ImportSummary> seen = tryFind(id);
                if (seen.isPresent() && !seen.get().running()) {
                    ended = seen.get();
                } else if (seen.isPresent()
                        && seen.get().state() == ImportState.RUNNING
                        && seen.get().rowsDone() > 0
                        && Duration.between(lastKill, Instant.now()).toMillis() >= 1_000) {
                    terminated += terminateApplicationConnections(postgres);
                    kills++;
                    lastKill = Instant.now();
                }
                if (seen.isPresent() && Duration.between(told, Instant.now()).toSeconds() >= 15) {
                    told = Instant.now();
                    progress(seen.get());
                }
                pause(50);
            }
        }
        assertThat(ended).as("import " + id + " ended within 10 minutes").isNotNull();
        System.out.printf(
                "ImportResumeTest: %d kills (%d connections) failed the import at %d of %d rows%n",
                kills, terminated, ended.rowsDone(), rows);
        assertThat(ended.state())
                .as(
                        "the import after its connections were cut (%d kills, %d connections); it has to fail, not"
                                + " complete: if it completed, no kill reached its transactions",
                        kills, terminated)
                .isEqualTo(ImportState.FAILED);
        assertThat(ended.failure()).contains("imports.failure.database");
        assertThat(ended.rowsDone()).isLessThan(rows);

        as(() -> {
            centre.resume(id);
            return null;
        });
        ImportSummary done = awaitEnd(id, Duration.ofMinutes(10));

        assertImportedExactlyOnce(done, tag, rows);
    }

    // --- the import ------------------------------------------------------------------------------

    /** A file of {@code rows} new accounts, codes {@code <tag>-1} to {@code <tag>-<rows>}, on lines 2 on. */
    static byte[] accountsFile(String tag, int rows) {
        StringBuilder csv = new StringBuilder(rows * 48).append("Code,Company name,City\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(tag)
                    .append('-')
                    .append(i)
                    .append(",Resumed ")
                    .append(tag)
                    .append(' ')
                    .append(i)
                    .append(" S.A.,Zaragoza\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    ImportDraft uploaded(String tag, int rows) {
        byte[] file = accountsFile(tag, rows);
        return as(() -> {
            try {
                return centre.upload("resume-" + tag + ".csv", new ByteArrayInputStream(file));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    ImportRequest request(ImportDraft draft) {
        ImportMapping mapping = as(() -> centre.propose(draft.importId(), "accounts", draft.settings()));
        assertThat(mapping.fieldPerColumn()).containsExactly("code", "legalName", "city");
        return new ImportRequest("accounts", draft.settings(), mapping, "code");
    }

    // --- waiting ---------------------------------------------------------------------------------

    /** Waits until the node has committed some chunks of the apply, but not all. */
    ImportSummary awaitApplying(ImportNode node, UUID id, int rows) {
        Instant until = Instant.now().plus(Duration.ofMinutes(8));
        Instant told = Instant.now();
        ImportSummary last = null;
        while (Instant.now().isBefore(until)) {
            if (!node.alive()) {
                throw new AssertionError("the import node stopped before applying import " + id + "; its log ends:\n"
                        + ImportNode.tail(40));
            }
            last = find(id);
            if (!last.running()) {
                throw new AssertionError("import " + id + " ended (" + last.state() + ", " + last.failure()
                        + ") before the node could be killed; its log ends:\n" + ImportNode.tail(40));
            }
            if (last.state() == ImportState.RUNNING && last.rowsDone() > 0 && last.rowsDone() < rows) {
                return last;
            }
            if (Duration.between(told, Instant.now()).toSeconds() >= 15) {
                told = Instant.now();
                progress(last);
            }
            pause(20);
        }
        throw new AssertionError("the import node did not start applying import " + id + " in 8 minutes (last seen: "
                + last + "); its log ends:\n" + ImportNode.tail(40));
    }

    /** Queues the import as if a node had queued it and died at once: its lease has run out. */
    void queueInterrupted(UUID id, ImportRequest request) {
        as(() -> transactions.execute(status -> runs.prepareRun(id, request, false, Duration.ZERO)));
    }

    /**
     * Waits until the import's lease has run out and this node has taken it over (it looks as the
     * periodic look would, which is off on the test server); returns the rows done by then.
     */
    long awaitTakenOver(UUID id) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            launcher.resumeInterrupted();
            boolean ours = as(() -> transactions.execute(status -> runs.holds(id)));
            if (ours) {
                return find(id).rowsDone();
            }
            pause(250);
        }
        throw new AssertionError("import " + id + " was not taken over within 90 s of its node's stall or death");
    }

    ImportSummary awaitEnd(UUID id, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        Instant told = Instant.now();
        ImportSummary last = null;
        while (Instant.now().isBefore(until)) {
            last = find(id);
            if (!last.running()) {
                return last;
            }
            if (Duration.between(told, Instant.now()).toSeconds() >= 15) {
                told = Instant.now();
                progress(last);
            }
            pause(100);
        }
        throw new AssertionError("import " + id + " did not end in " + timeout + " (last seen: " + last + ")");
    }

    /** The build is slow on a busy machine: says where a long wait stands. */
    static void progress(ImportSummary summary) {
        System.out.printf(
                "ImportResumeTest: import %s %s, %d of %d rows done%n",
                summary.id(), summary.state(), summary.rowsDone(), summary.totalRows());
    }

    ImportSummary find(UUID id) {
        return as(() -> centre.find(id).orElseThrow());
    }

    /** The import as seen now, or empty when the read itself lost its connection. */
    Optional<ImportSummary> tryFind(UUID id) {
        try {
            return Optional.of(find(id));
        } catch (RuntimeException cut) {
            return Optional.empty();
        }
    }

    /**
     * Cuts the connections of the application role to the run's database that are in the middle of
     * something (a pooled idle one would only be replaced). Done as the superuser, the only role that
     * may end other roles' sessions: this is the database going away, not application code.
     */
    static int terminateApplicationConnections(Connection postgres) throws SQLException {
        try (PreparedStatement kill = postgres.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = ? AND usename = ? AND pid <> pg_backend_pid() AND state <> 'idle'")) {
            kill.setString(1, TestDatabase.name());
            kill.setString(2, TestDatabase.APP_ROLE);
            try (ResultSet result = kill.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    // --- what must hold in the end ---------------------------------------------------------------

    void assertImportedExactlyOnce(ImportSummary done, String tag, int rows) {
        UUID id = done.id();
        assertThat(done.state())
                .as("state of import %s (failure: %s)", id, done.failure())
                .isEqualTo(ImportState.COMPLETED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(rows, 0, 0, 0));
        assertThat(done.totalRows()).isEqualTo(rows);
        assertThat(done.rowsDone()).isEqualTo(rows);
        assertThat(count("SELECT count(*) FROM account WHERE code LIKE :value || '-%'", tag))
                .as("accounts of the file")
                .isEqualTo(rows);
        assertThat(count("SELECT count(*) FROM import_change WHERE import_id = :value::uuid", id.toString()))
                .as("changes kept for undo")
                .isEqualTo(rows);
        assertThat(count(
                        "SELECT count(DISTINCT line) FROM import_change WHERE import_id = :value::uuid"
                                + " AND action = 'CREATED' AND line BETWEEN 2 AND " + (rows + 1),
                        id.toString()))
                .as("lines of the changes kept")
                .isEqualTo(rows);
        assertThat(count("SELECT count(*) FROM import_line WHERE import_id = :value::uuid", id.toString()))
                .as("rows left in staging (none refused)")
                .isZero();
    }

    long count(String sql, String value) {
        return as(() -> transactions.execute(
                status -> jdbc.sql(sql).param("value", value).query(Long.class).single()));
    }

    <T> T as(Supplier<T> work) {
        return LoggedIn.asUser(users, ADMIN, work);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
