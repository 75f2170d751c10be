package com.nexo.accounts.filters;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.Ids;
import com.nexo.base.paging.Sort;
import com.nexo.base.validation.NoControlCharacters;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account list's saved filters: each user's own, by name (row-level security keeps them to the
 * user who saved them). Whoever may read accounts may save filters.
 */
@Service
public class SavedFilterService {

    private static final String LIST_NAME = "accounts";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private static final RowMapper<SavedFilter> FILTER =
            (row, i) -> read(row.getObject("id", UUID.class), row.getString("name"), row.getString("definition"));

    private final JdbcClient jdbc;

    SavedFilterService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<SavedFilter> savedFilters() {
        return jdbc.sql(SAVED).param("list", LIST_NAME).query(FILTER).list();
    }

    /** Saves the filter under a name for the current user; a filter of the same name is replaced. */
    @Transactional
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public SavedFilter saveFilter(String name, AccountFilter filter, Sort<AccountSort> sort) {
        if (name == null || name.isBlank()) {
            throw AccountRuleException.onField("name", "accounts.error.filter-name-required");
        }
        String cleanName = name.strip();
        if (NoControlCharacters.Validator.containsControlCharacter(cleanName)) {
            throw AccountRuleException.onField("name", "accounts.validation.control-characters");
        }
        if (cleanName.length() > 100) {
            throw AccountRuleException.onField("name", "accounts.validation.too-long");
        }
        AccountFilter effectiveFilter = AccountFilter.orDefault(filter);
        Sort<AccountSort> effectiveSort = AccountSort.orDefault(sort);
        UUID saved = jdbc.sql(SAVE)
                .param("id", Ids.newId())
                .param("list", LIST_NAME)
                .param("name", cleanName)
                .param("definition", write(effectiveFilter, effectiveSort))
                .query(UUID.class)
                .single();
        return new SavedFilter(saved, cleanName, effectiveFilter, effectiveSort);
    }

    @Transactional
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public void deleteSavedFilter(UUID id) {
        jdbc.sql(DELETE).param("id", id).param("list", LIST_NAME).update();
    }

    /** A filter's definition as JSON. */
    static String write(AccountFilter filter, Sort<AccountSort> sort) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("roles")
                .addAll(filter.roles().stream()
                        .sorted()
                        .map(role -> JSON.getNodeFactory().textNode(role.name()))
                        .toList());
        node.put("tag", filter.tag());
        node.put("owner", filter.ownerId() == null ? null : filter.ownerId().toString());
        node.put("status", filter.status().name());
        node.put("text", filter.text());
        node.put("sort", sort.by().name());
        node.put("descending", sort.descending());
        return JSON.writeValueAsString(node);
    }

    static SavedFilter read(UUID id, String name, String json) {
        JsonNode node = JSON.readTree(json);
        EnumSet<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        node.path("roles").forEach(role -> roles.add(AccountRole.valueOf(role.asString())));
        AccountFilter filter = new AccountFilter(
                roles,
                text(node, "tag"),
                text(node, "owner") == null ? null : UUID.fromString(text(node, "owner")),
                AccountFilter.Status.valueOf(node.path("status").asString("ACTIVE")),
                text(node, "text"));
        Sort<AccountSort> sort = new Sort<>(
                AccountSort.valueOf(node.path("sort").asString("NAME")),
                node.path("descending").asBoolean(false));
        return new SavedFilter(id, name, filter, sort);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
