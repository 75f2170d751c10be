package com.nexo.imports.jobs;

import com.nexo.imports.Refusal;
import com.nexo.imports.file.DateOrder;
import com.nexo.imports.file.DecimalStyle;
import com.nexo.imports.file.ImportSettings;
import java.nio.charset.Charset;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import centre's own tables (import_run, import_line, import_change, import_mapping), always
 * inside the caller's transaction and under its tenant's row-level security.
 */
@Repository
class ImportRuns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SUMMARY_COLUMNS = "id, target, file_name, file_size, state, user_name, created_at,"
            + " started_at, finished_at, total_rows, rows_done, created, updated, unchanged, refused, dry_created,"
            + " dry_updated, dry_unchanged, dry_refused, failure";

    private final JdbcClient jdbc;

    /**
     * This node, as the holder of the leases of the imports it runs: chosen afresh at each start, so a
     * node that restarts does not mistake an import it held before for its own.
     */
    private final UUID node = UUID.randomUUID();

    ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID node() {
        return node;
    }

    /** What a job needs to know of its import. */
    record Run(
            UUID id,
            String target,
            UUID fileId,
            ImportState state,
            ImportRequest request,
            boolean dryRun,
            int runNumber,
            Long jobExecutionId,
            Boolean undoIncludeLater) {}

    void create(UUID id, UUID fileId, String fileName, long fileSize, String userName) {
        jdbc.sql("INSERT INTO import_run (id, target, file_id, file_name, file_size, user_name)"
                        + " VALUES (:id, :target, :file, :name, :size, :user)")
                .param("id", id)
                .param("target", ImportSummary.NO_TARGET)
                .param("file", fileId)
                .param("name", fileName)
                .param("size", fileSize)
                .param("user", userName)
                .update();
    }

    private static final String RUN_COLUMNS = "SELECT id, target, file_id, state, settings::text, mapping::text,"
            + " key_field, dry_run, run_number, job_execution_id, undo_include_later FROM import_run WHERE id = :id";

    Optional<Run> find(UUID id) {
        return jdbc.sql(RUN_COLUMNS).param("id", id).query((rs, i) -> run(rs)).optional();
    }

    /** Locks the import's row for a state change (so two starts of one import cannot both pass). */
    Optional<Run> lock(UUID id) {
        return jdbc.sql(RUN_COLUMNS + " FOR UPDATE")
                .param("id", id)
                .query((rs, i) -> run(rs))
                .optional();
    }

    /** Starts a new run (or dry run): the request is kept, the counts of this kind of run start again. */
    int prepareRun(UUID id, ImportRequest request, boolean dryRun, Duration queuedLease) {
        jdbc.sql("DELETE FROM import_line WHERE import_id = :id")
                .param("id", id)
                .update();
        String counts = dryRun
                ? "dry_created = 0, dry_updated = 0, dry_unchanged = 0, dry_refused = 0"
                : "created = 0, updated = 0, unchanged = 0, refused = 0";
        return jdbc.sql(
                        "UPDATE import_run SET target = :target, settings = :settings::jsonb, mapping = :mapping::jsonb,"
                                + " key_field = :key, dry_run = :dry, state = 'QUEUED', run_number = run_number + 1,"
                                + " total_rows = 0, rows_done = 0, failure = NULL, started_at = NULL, finished_at = NULL,"
                                + " job_execution_id = NULL, lease_until = now() + :lease * interval '1 second',"
                                + " lease_holder = :node, " + counts + " WHERE id = :id RETURNING run_number")
                .param("id", id)
                .param("target", request.targetId())
                .param("settings", settingsJson(request.settings()))
                .param("mapping", json(request.mapping().fieldPerColumn()))
                .param("key", request.keyField())
                .param("dry", dryRun)
                .param("lease", queuedLease.toSeconds())
                .param("node", node)
                .query(Integer.class)
                .single();
    }

    int prepareUndo(UUID id, boolean includeLater, Duration queuedLease) {
        return jdbc.sql(
                        "UPDATE import_run SET state = 'UNDOING', undo_include_later = :later, run_number = run_number + 1,"
                                + " failure = NULL, job_execution_id = NULL, lease_until = now() + :lease * interval '1 second',"
                                + " lease_holder = :node WHERE id = :id RETURNING run_number")
                .param("id", id)
                .param("later", includeLater)
                .param("lease", queuedLease.toSeconds())
                .param("node", node)
                .query(Integer.class)
                .single();
    }

    /** A failed import resumed by a user: this node takes its lease, for as long as it waits to run. */
    void resumeHere(UUID id, ImportState state, Duration queuedLease) {
        jdbc.sql("UPDATE import_run SET state = :state, lease_holder = :node,"
                        + " lease_until = now() + :lease * interval '1 second' WHERE id = :id")
                .param("id", id)
                .param("state", state.name())
                .param("node", node)
                .param("lease", queuedLease.toSeconds())
                .update();
    }

    void started(UUID id, long jobExecutionId, ImportState state, Duration lease) {
        int updated = jdbc.sql(
                        "UPDATE import_run SET state = :state, job_execution_id = :job, started_at = coalesce(started_at, now()),"
                                + " finished_at = NULL, failure = NULL, lease_until = now() + :lease * interval '1 second'"
                                + " WHERE id = :id AND lease_holder = :node")
                .param("id", id)
                .param("state", state.name())
                .param("job", jobExecutionId)
                .param("lease", lease.toSeconds())
                .param("node", node)
                .update();
        held(id, updated);
    }

    /**
     * Ends the run, if this node still holds it; returns false (and changes nothing) when another node
     * took the import over, which then ends it itself.
     */
    boolean finished(UUID id, ImportState state, String failure) {
        return jdbc.sql("UPDATE import_run SET state = :state, finished_at = now(), failure = :failure,"
                                + " lease_until = NULL WHERE id = :id AND lease_holder = :node")
                        .param("id", id)
                        .param("state", state.name())
                        .param("failure", failure)
                        .param("node", node)
                        .update()
                > 0;
    }

    /**
     * Renews the lease of a running import this node holds; skipped while a chunk holds the row (the
     * chunk renews it as it commits). Returns false when the import is no longer this node's (taken
     * over, or ended).
     */
    boolean renewLease(UUID id, Duration lease) {
        return jdbc.sql("UPDATE import_run SET lease_until = now() + :lease * interval '1 second' WHERE id IN"
                                + " (SELECT id FROM import_run WHERE id = :id AND lease_holder = :node"
                                + " AND state IN ('CHECKING', 'QUEUED', 'RUNNING', 'UNDOING') FOR UPDATE SKIP LOCKED)")
                        .param("id", id)
                        .param("lease", lease.toSeconds())
                        .param("node", node)
                        .update()
                > 0;
    }

    /** Whether this node holds the import's lease now. */
    boolean holds(UUID id) {
        return jdbc.sql("SELECT lease_holder = :node FROM import_run WHERE id = :id")
                .param("id", id)
                .param("node", node)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * The imports whose node stopped or stalled while they ran (their lease ran out), now held by this
     * node for {@code lease}: any tenant's, as ids only, for the caller to resume in their context.
     */
    List<Interrupted> claimInterrupted(Duration lease) {
        return jdbc.sql("SELECT import_id, tenant_id, user_id FROM nexo_imports_claim_interrupted(:node, :seconds)")
                .param("node", node)
                .param("seconds", (int) Math.min(Integer.MAX_VALUE, lease.toSeconds()))
                .query((rs, i) -> new Interrupted(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
    }

    record Interrupted(UUID importId, UUID tenantId, UUID userId) {}

    /** A write of a job that found the import no longer held by this node: rolls its transaction back. */
    private static void held(UUID id, int updated) {
        if (updated == 0) {
            throw new ImportLeaseLostException(id);
        }
    }

    void loaded(UUID id, long rows, Duration lease) {
        int updated = jdbc.sql(
                        "UPDATE import_run SET total_rows = :rows, lease_until = now() + :lease * interval '1 second'"
                                + " WHERE id = :id AND lease_holder = :node")
                .param("id", id)
                .param("rows", rows)
                .param("lease", lease.toSeconds())
                .param("node", node)
                .update();
        held(id, updated);
    }

    /** Adds a chunk's counts to the run's (or the dry run's) and renews the lease. */
    void addCounts(UUID id, boolean dryRun, long done, ImportCounts counts, Duration lease) {
        String prefix = dryRun ? "dry_" : "";
        int updated = jdbc.sql("UPDATE import_run SET rows_done = rows_done + :done,"
                        + " " + prefix + "created = coalesce(" + prefix + "created, 0) + :created,"
                        + " " + prefix + "updated = coalesce(" + prefix + "updated, 0) + :updated,"
                        + " " + prefix + "unchanged = coalesce(" + prefix + "unchanged, 0) + :unchanged,"
                        + " " + prefix + "refused = coalesce(" + prefix + "refused, 0) + :refused,"
                        + " lease_until = now() + :lease * interval '1 second' WHERE id = :id AND lease_holder = :node")
                .param("id", id)
                .param("node", node)
                .param("done", done)
                .param("created", counts.created())
                .param("updated", counts.updated())
                .param("unchanged", counts.unchanged())
                .param("refused", counts.refused())
                .param("lease", lease.toSeconds())
                .update();
        held(id, updated);
    }

    void addUndone(UUID id, long undone, Duration lease) {
        int updated = jdbc.sql(
                        "UPDATE import_run SET undone = undone + :n, lease_until = now() + :lease * interval '1 second'"
                                + " WHERE id = :id AND lease_holder = :node")
                .param("id", id)
                .param("n", undone)
                .param("lease", lease.toSeconds())
                .param("node", node)
                .update();
        held(id, updated);
    }

    Optional<ImportSummary> summary(UUID id) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM import_run WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> summary(rs))
                .optional();
    }

    List<ImportSummary> history(int offset, int limit) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM import_run ORDER BY created_at DESC, id"
                        + " OFFSET :offset LIMIT :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> summary(rs))
                .list();
    }

    long historySize() {
        return jdbc.sql("SELECT count(*) FROM import_run").query(Long.class).single();
    }

    private static final String REFUSALS =
            "SELECT line, refusal_field, refusal_key, refusal_args FROM import_line WHERE import_id = :id"
                    + " AND refusal_key IS NOT NULL";

    /** Refused rows after a line, by line (for reading them alongside the file). */
    List<StoredRefusal> refusals(UUID id, long afterLine, int limit) {
        return jdbc.sql(REFUSALS + " AND line > :after ORDER BY line LIMIT :limit")
                .param("id", id)
                .param("after", afterLine)
                .param("limit", limit)
                .query((rs, i) -> storedRefusal(rs))
                .list();
    }

    /** A page of refused rows, by line (for a grid). */
    List<StoredRefusal> refusalsPage(UUID id, int offset, int limit) {
        return jdbc.sql(REFUSALS + " ORDER BY line OFFSET :offset LIMIT :limit")
                .param("id", id)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> storedRefusal(rs))
                .list();
    }

    private static StoredRefusal storedRefusal(ResultSet rs) throws SQLException {
        return new StoredRefusal(
                rs.getLong("line"),
                new Refusal(
                        rs.getString("refusal_field"),
                        rs.getString("refusal_key"),
                        strings(rs.getArray("refusal_args"))));
    }

    record StoredRefusal(long line, Refusal refusal) {}

    // --- saved mappings -----------------------------------------------------------------------

    List<SavedMapping> mappings(String target) {
        return jdbc.sql(
                        "SELECT id, target, name, field_by_header::text FROM import_mapping WHERE target = :target ORDER BY name")
                .param("target", target)
                .query((rs, i) -> new SavedMapping(
                        rs.getObject("id", UUID.class),
                        rs.getString("target"),
                        rs.getString("name"),
                        stringMap(rs.getString("field_by_header"))))
                .list();
    }

    SavedMapping saveMapping(UUID id, String target, String name, Map<String, String> fieldByHeader) {
        UUID saved = jdbc.sql(
                        "INSERT INTO import_mapping (id, target, name, field_by_header) VALUES (:id, :target, :name,"
                                + " :mapping::jsonb) ON CONFLICT (tenant_id, target, name) DO UPDATE SET field_by_header ="
                                + " excluded.field_by_header, updated_by = nexo_user_id(), updated_at = now() RETURNING id")
                .param("id", id)
                .param("target", target)
                .param("name", name)
                .param("mapping", json(fieldByHeader))
                .query(UUID.class)
                .single();
        return new SavedMapping(saved, target, name, Map.copyOf(fieldByHeader));
    }

    // --- mapping rows -------------------------------------------------------------------------

    private Run run(ResultSet rs) throws SQLException {
        String settings = rs.getString("settings");
        String mapping = rs.getString("mapping");
        ImportRequest request = settings == null || mapping == null
                ? null
                : new ImportRequest(
                        rs.getString("target"),
                        settings(settings),
                        new ImportMapping(stringList(mapping)),
                        rs.getString("key_field"));
        // Read as an object: wasNull() would tell of the last column read, not of this one.
        Long job = rs.getObject("job_execution_id", Long.class);
        Object later = rs.getObject("undo_include_later");
        return new Run(
                rs.getObject("id", UUID.class),
                rs.getString("target"),
                rs.getObject("file_id", UUID.class),
                ImportState.valueOf(rs.getString("state")),
                request,
                rs.getBoolean("dry_run"),
                rs.getInt("run_number"),
                job,
                later == null ? null : (Boolean) later);
    }

    private static ImportSummary summary(ResultSet rs) throws SQLException {
        Instant started = instant(rs.getTimestamp("started_at"));
        Instant finished = instant(rs.getTimestamp("finished_at"));
        ImportState state = ImportState.valueOf(rs.getString("state"));
        long done = rs.getLong("rows_done");
        double rate = 0;
        if (started != null && finished == null && done > 0) {
            double seconds =
                    Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            rate = done / seconds;
        }
        long dryCreated = rs.getLong("dry_created");
        Optional<ImportCounts> dry = rs.wasNull()
                ? Optional.empty()
                : Optional.of(new ImportCounts(
                        dryCreated, rs.getLong("dry_updated"), rs.getLong("dry_unchanged"), rs.getLong("dry_refused")));
        return new ImportSummary(
                rs.getObject("id", UUID.class),
                rs.getString("target"),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                state,
                rs.getString("user_name"),
                instant(rs.getTimestamp("created_at")),
                started,
                finished,
                rs.getLong("total_rows"),
                done,
                dry,
                new ImportCounts(
                        rs.getLong("created"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("refused")),
                rate,
                Optional.ofNullable(rs.getString("failure")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    static String settingsJson(ImportSettings settings) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("charset", settings.charset().name());
        map.put("separator", String.valueOf(settings.separator()));
        map.put("decimals", settings.decimals().name());
        map.put("dates", settings.dates().name());
        return json(map);
    }

    static ImportSettings settings(String json) {
        Map<String, String> map = stringMap(json);
        return new ImportSettings(
                Charset.forName(map.get("charset")),
                map.get("separator").charAt(0),
                DecimalStyle.valueOf(map.get("decimals")),
                DateOrder.valueOf(map.get("dates")));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> stringMap(String json) {
        return JSON.readValue(json, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    static List<String> stringList(String json) {
        return JSON.readValue(json, ArrayList.class);
    }
}
