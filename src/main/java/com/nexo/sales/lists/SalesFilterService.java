package com.nexo.sales.lists;

import com.nexo.base.filters.SavedFilterStore;
import com.nexo.base.filters.SavedFilterStore.StoredFilter;
import com.nexo.base.paging.Sort;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sales lists' saved filters: each user's own, one set per kind of document, kept in base's
 * {@link SavedFilterStore} under the list name {@code sales.<kind>} (this class owns what a definition
 * means). Whoever may read sales documents may save filters.
 */
@Service
public class SalesFilterService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SavedFilterStore store;

    SalesFilterService(SavedFilterStore store) {
        this.store = store;
    }

    /** The current user's saved filters of the list of {@code kind}, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public List<SavedSalesFilter> savedFilters(DocumentKind kind) {
        SalesFilter all = SalesFilter.all(kind);
        return store.saved(listName(all.kind())).stream()
                .map(stored -> read(stored, all.kind()))
                .toList();
    }

    /** Saves the filter under a name for the current user; a filter of the same name is replaced. */
    @Transactional
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public SavedSalesFilter saveFilter(String name, SalesFilter filter, Sort<SalesSort> sort) {
        SavedFilterStore.problemOf(name).ifPresent(problem -> {
            throw new SalesRuleException(
                    switch (problem) {
                        case REQUIRED -> "sales.list.saved-filters.name-required";
                        case CONTROL_CHARACTERS -> "sales.validation.control-characters";
                        case TOO_LONG -> "sales.validation.too-long";
                    });
        });
        Sort<SalesSort> effectiveSort = SalesSort.orDefault(sort);
        StoredFilter saved = store.save(listName(filter.kind()), name, write(filter, effectiveSort));
        return new SavedSalesFilter(saved.id(), saved.name(), filter, effectiveSort);
    }

    /** Deletes one of the current user's saved filters of the list of {@code kind}. */
    @Transactional
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public void deleteSavedFilter(DocumentKind kind, UUID id) {
        store.delete(listName(SalesFilter.all(kind).kind()), id);
    }

    static String listName(DocumentKind kind) {
        return "sales." + kind.name().toLowerCase(Locale.ROOT);
    }

    /** A filter's definition as JSON (the kind is the list's, not stored). */
    static String write(SalesFilter filter, Sort<SalesSort> sort) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", filter.status() == null ? null : filter.status().name());
        node.put("expired", filter.expired());
        node.put("from", filter.from() == null ? null : filter.from().toString());
        node.put("to", filter.to() == null ? null : filter.to().toString());
        node.put(
                "salesperson",
                filter.salespersonId() == null ? null : filter.salespersonId().toString());
        node.put(
                "account",
                filter.accountId() == null ? null : filter.accountId().toString());
        node.put("text", filter.text());
        node.put("sort", sort.by().name());
        node.put("descending", sort.descending());
        return JSON.writeValueAsString(node);
    }

    static SavedSalesFilter read(StoredFilter stored, DocumentKind kind) {
        JsonNode node = JSON.readTree(stored.definition());
        SalesFilter filter = new SalesFilter(
                kind,
                enumOrNull(DocumentStatus.class, text(node, "status")),
                node.path("expired").asBoolean(false),
                date(text(node, "from")),
                date(text(node, "to")),
                uuid(text(node, "salesperson")),
                uuid(text(node, "account")),
                text(node, "text"));
        SalesSort by = enumOrNull(SalesSort.class, text(node, "sort"));
        Sort<SalesSort> sort = by == null
                ? SalesSort.newestFirst()
                : new Sort<>(by, node.path("descending").asBoolean(false));
        return new SavedSalesFilter(stored.id(), stored.name(), filter, sort);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A value a later version no longer knows reads as "no condition" rather than failing the list. */
    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
