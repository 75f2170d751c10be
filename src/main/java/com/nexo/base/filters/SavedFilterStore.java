package com.nexo.base.filters;

import com.nexo.base.Ids;
import com.nexo.base.validation.NoControlCharacters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saved filters of every list, each user's own: a name and a JSON definition per list (row-level
 * security keeps each user to the filters they saved). The list's module owns what a definition
 * means, writes and reads it, and guards its service methods with its own permission; those methods
 * call this store inside their transaction (propagation MANDATORY), so the store is never reached
 * without the module's check.
 *
 * <pre>{@code
 * @RolesAllowed(SalesPermissions.READ)
 * @Transactional
 * public SavedSalesFilter save(String name, SalesFilter filter) {
 *     SavedFilterStore.problemOf(name).ifPresent(problem -> { throw ... });
 *     StoredFilter stored = store.save("sales.invoice", name, json(filter));
 *     ...
 * }
 * }</pre>
 */
@Repository
public class SavedFilterStore {

    /** The longest name a filter may have. */
    public static final int MAX_NAME_LENGTH = 100;

    /** A list's name: the module's name, optionally a dot and the list within it ("sales.invoice"). */
    private static final Pattern LIST = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)?");

    /** Why a filter's name cannot be saved. */
    public enum NameProblem {
        REQUIRED,
        CONTROL_CHARACTERS,
        TOO_LONG
    }

    /** A saved filter as stored: its id, name and the list module's JSON definition. */
    public record StoredFilter(UUID id, String name, String definition) {}

    private static final String SAVED = """
            SELECT id, name, definition FROM saved_filter WHERE list_name = :list ORDER BY lower(name), id
            """;

    private static final String SAVE = """
            INSERT INTO saved_filter (id, list_name, name, definition) VALUES (:id, :list, :name, CAST(:definition AS jsonb))
            ON CONFLICT (tenant_id, user_id, list_name, name)
            DO UPDATE SET definition = EXCLUDED.definition, updated_at = now(), version = saved_filter.version + 1
            RETURNING id
            """;

    private static final String DELETE = "DELETE FROM saved_filter WHERE id = :id AND list_name = :list";

    private static final RowMapper<StoredFilter> ROW = (row, i) ->
            new StoredFilter(row.getObject("id", UUID.class), row.getString("name"), row.getString("definition"));

    private final JdbcClient jdbc;

    SavedFilterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is wrong with {@code name} as a filter's name (after stripping), if anything. */
    public static Optional<NameProblem> problemOf(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(NameProblem.REQUIRED);
        }
        String clean = name.strip();
        if (NoControlCharacters.Validator.containsControlCharacter(clean)) {
            return Optional.of(NameProblem.CONTROL_CHARACTERS);
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            return Optional.of(NameProblem.TOO_LONG);
        }
        return Optional.empty();
    }

    /** The current user's filters of {@code list}, by name. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StoredFilter> saved(String list) {
        return jdbc.sql(SAVED).param("list", listName(list)).query(ROW).list();
    }

    /**
     * Saves {@code definition} (JSON) under {@code name} for the current user; a filter of the same
     * name in the same list is replaced. The caller has checked the name ({@link #problemOf}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredFilter save(String list, String name, String definition) {
        if (problemOf(name).isPresent()) {
            throw new IllegalArgumentException(
                    "not a filter name: " + problemOf(name).get());
        }
        String clean = name.strip();
        UUID id = jdbc.sql(SAVE)
                .param("id", Ids.newId())
                .param("list", listName(list))
                .param("name", clean)
                .param("definition", definition)
                .query(UUID.class)
                .single();
        return new StoredFilter(id, clean, definition);
    }

    /** Deletes one of the current user's filters of {@code list} (nothing when it is not theirs). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(String list, UUID id) {
        jdbc.sql(DELETE).param("id", id).param("list", listName(list)).update();
    }

    private static String listName(String list) {
        if (list == null || !LIST.matcher(list).matches()) {
            throw new IllegalArgumentException("not a list name: " + list);
        }
        return list;
    }
}
