package com.nexo.history;

import com.nexo.security.UserDirectory;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the change history the database triggers write. Not a service on its own: each module calls
 * it from its service methods, inside their transaction and behind their read permission, since who
 * may read an account's history is the accounts module's decision.
 */
@Component
public class ChangeHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Notes are literals in SET LOCAL (which takes no parameters), so only plain words. */
    private static final Pattern NOTE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** No page is longer than this, whatever a caller asks for. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final JdbcClient jdbc;
    private final UserDirectory users;

    ChangeHistory(JdbcClient jdbc, UserDirectory users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    private static final String TIMELINE = """
            SELECT h.id, h.changed_at, h.table_name, h.row_id, h.operation, h.row_version, h.changes,
                   h.user_id, h.actor_type, h.note
              FROM change_history h
             WHERE h.entity_id = :entity
               AND h.id < COALESCE(CAST(:before AS bigint), 9223372036854775807)
             ORDER BY h.id DESC
             LIMIT :limit
            """;

    /** A history row, without the user's name (looked up for the whole page at once). */
    private static final RowMapper<ChangeEntry> ENTRY = (row, i) -> new ChangeEntry(
            row.getLong("id"),
            row.getTimestamp("changed_at").toInstant(),
            row.getString("table_name"),
            row.getObject("row_id", UUID.class),
            row.getString("operation"),
            (Long) row.getObject("row_version"),
            changes(row.getString("changes"), row.getString("operation")),
            row.getObject("user_id", UUID.class),
            null,
            row.getString("actor_type"),
            row.getString("note"));

    /**
     * A page of the timeline of a record (its own rows and its children's), newest first: the
     * {@code limit} entries older than entry {@code before} (null: the newest). The next page starts
     * before the last entry's {@link ChangeEntry#id()}, so an old page costs what the first does.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<ChangeEntry> timeline(UUID entityId, Long before, int limit) {
        List<ChangeEntry> entries = jdbc.sql(TIMELINE)
                .param("entity", entityId)
                .param("before", before, Types.BIGINT)
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE_SIZE)))
                .query(ENTRY)
                .list();
        return withUserNames(entries);
    }

    /** The entries with their users' names, looked up for the whole page at once (the security module's). */
    private List<ChangeEntry> withUserNames(List<ChangeEntry> entries) {
        Map<UUID, String> names =
                users.namesOf(entries.stream().map(ChangeEntry::userId).toList());
        return entries.stream()
                .map(entry -> new ChangeEntry(
                        entry.id(),
                        entry.at(),
                        entry.table(),
                        entry.rowId(),
                        entry.operation(),
                        entry.rowVersion(),
                        entry.changes(),
                        entry.userId(),
                        names.get(entry.userId()),
                        entry.actorType(),
                        entry.note()))
                .toList();
    }

    private static final String CHANGES_SINCE = """
            SELECT h.changes, h.user_id
              FROM change_history h
             WHERE h.row_id = :row AND h.table_name = :table AND h.operation = 'UPDATE'
               AND h.row_version > :version
             ORDER BY h.id
            """;

    /**
     * What changed in one row after {@code baseVersion}: per column, the value at that version and
     * the value now, plus who made those changes. Empty when nothing changed or the history does not
     * reach back that far.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public ChangesSince changesSince(String table, UUID rowId, long baseVersion) {
        Map<String, String[]> merged = new LinkedHashMap<>();
        List<UUID> who = new ArrayList<>();
        jdbc.sql(CHANGES_SINCE)
                .param("row", rowId)
                .param("table", table)
                .param("version", baseVersion)
                .query((RowCallbackHandler) row -> {
                    for (FieldChange change : changes(row.getString("changes"), "UPDATE")) {
                        merged.computeIfAbsent(change.column(), column -> new String[] {change.before(), null})[1] =
                                change.after();
                    }
                    UUID user = row.getObject("user_id", UUID.class);
                    if (user != null && !who.contains(user)) {
                        who.add(user);
                    }
                });
        List<FieldChange> changes = new ArrayList<>();
        merged.forEach((column, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                changes.add(new FieldChange(column, values[0], values[1]));
            }
        });
        Map<UUID, String> names = users.namesOf(who);
        List<String> changedBy =
                who.stream().map(names::get).filter(Objects::nonNull).distinct().toList();
        return new ChangesSince(changes, changedBy);
    }

    /**
     * Tags the changes the rest of the current transaction makes with a note (a word such as
     * {@code merge} or {@code import}); the triggers copy it into every history row they write.
     * Set with {@code SET LOCAL}: transaction-local, like the request context, but not part of it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noteForThisTransaction(String note) {
        if (note == null || !NOTE.matcher(note).matches()) {
            throw new IllegalArgumentException("A history note is a short lower-case word: " + note);
        }
        // SET LOCAL takes no parameters; the note is a checked plain word (NOTE), so it may be a literal.
        jdbc.sql("SET LOCAL nexo.history_note = '" + note + "'").update();
    }

    /** Changed columns since a version, and the names of the users who changed them. */
    public record ChangesSince(List<FieldChange> changes, List<String> changedBy) {}

    static List<FieldChange> changes(String json, String operation) {
        if (json == null) {
            return List.of();
        }
        List<FieldChange> changes = new ArrayList<>();
        JsonNode root = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if ("UPDATE".equals(operation) && value.isArray() && value.size() == 2) {
                changes.add(new FieldChange(field.getKey(), text(value.get(0)), text(value.get(1))));
            } else {
                changes.add(new FieldChange(field.getKey(), text(value), null));
            }
        }
        changes.sort(Comparator.comparing(FieldChange::column));
        return changes;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
