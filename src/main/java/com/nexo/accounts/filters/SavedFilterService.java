package com.nexo.accounts.filters;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.filters.SavedFilterStore;
import com.nexo.base.filters.SavedFilterStore.StoredFilter;
import com.nexo.base.paging.Sort;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account list's saved filters: each user's own, by name, kept in base's {@link SavedFilterStore}
 * under the list name "accounts" (this class owns what a definition means). Whoever may read
 * accounts may save filters.
 */
@Service
public class SavedFilterService {

    private static final String LIST_NAME = "accounts";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SavedFilterStore store;

    SavedFilterService(SavedFilterStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<SavedFilter> savedFilters() {
        return store.saved(LIST_NAME).stream()
                .map(stored -> read(stored.id(), stored.name(), stored.definition()))
                .toList();
    }

    /** Saves the filter under a name for the current user; a filter of the same name is replaced. */
    @Transactional
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public SavedFilter saveFilter(String name, AccountFilter filter, Sort<AccountSort> sort) {
        SavedFilterStore.problemOf(name).ifPresent(problem -> {
            throw AccountRuleException.onField(
                    "name",
                    switch (problem) {
                        case REQUIRED -> "accounts.error.filter-name-required";
                        case CONTROL_CHARACTERS -> "accounts.validation.control-characters";
                        case TOO_LONG -> "accounts.validation.too-long";
                    });
        });
        AccountFilter effectiveFilter = AccountFilter.orDefault(filter);
        Sort<AccountSort> effectiveSort = AccountSort.orDefault(sort);
        StoredFilter saved = store.save(LIST_NAME, name, write(effectiveFilter, effectiveSort));
        return new SavedFilter(saved.id(), saved.name(), effectiveFilter, effectiveSort);
    }

    @Transactional
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public void deleteSavedFilter(UUID id) {
        store.delete(LIST_NAME, id);
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
