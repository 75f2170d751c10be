package com.nexo.sales.lists;

import com.nexo.base.filters.FilterJson;
import com.nexo.base.filters.SavedFilterStore;
import com.nexo.base.filters.SavedFilterStore.StoredFilter;
import com.nexo.base.paging.Sort;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sales lists' saved filters: each user's own, one set per kind of document, kept in base's
 * {@link SavedFilterStore} under the list name {@code sales.<kind>} (this class owns what a definition
 * means). Whoever may read sales documents may save filters.
 */
@Service
public class SalesFilterService {

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
            switch (problem) {
                case REQUIRED -> throw new SalesRuleException("sales.list.saved-filters.name-required");
                case CONTROL_CHARACTERS -> throw new SalesRuleException("sales.validation.control-characters");
                case TOO_LONG -> throw new SalesRuleException("sales.validation.too-long");
            }
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
        ObjectNode node = FilterJson.object();
        FilterJson.put(node, "status", filter.status());
        node.put("expired", filter.expired());
        FilterJson.put(node, "from", filter.from());
        FilterJson.put(node, "to", filter.to());
        FilterJson.put(node, "salesperson", filter.salespersonId());
        FilterJson.put(node, "account", filter.accountId());
        node.put("text", filter.text());
        node.put("sort", sort.by().name());
        node.put("descending", sort.descending());
        return FilterJson.write(node);
    }

    static SavedSalesFilter read(StoredFilter stored, DocumentKind kind) {
        JsonNode node = FilterJson.read(stored.definition());
        SalesFilter filter = new SalesFilter(
                kind,
                FilterJson.enumOrNull(node, "status", DocumentStatus.class),
                node.path("expired").asBoolean(false),
                FilterJson.date(node, "from"),
                FilterJson.date(node, "to"),
                FilterJson.uuid(node, "salesperson"),
                FilterJson.uuid(node, "account"),
                FilterJson.text(node, "text"));
        SalesSort by = FilterJson.enumOrNull(node, "sort", SalesSort.class);
        Sort<SalesSort> sort = by == null
                ? SalesSort.newestFirst()
                : new Sort<>(by, node.path("descending").asBoolean(false));
        return new SavedSalesFilter(stored.id(), stored.name(), filter, sort);
    }
}
