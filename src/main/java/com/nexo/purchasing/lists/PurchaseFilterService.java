package com.nexo.purchasing.lists;

import com.nexo.base.filters.FilterJson;
import com.nexo.base.filters.SavedFilterStore;
import com.nexo.base.filters.SavedFilterStore.StoredFilter;
import com.nexo.base.paging.Sort;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
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
 * The purchasing lists' saved filters: each user's own, one set per kind of document, kept in base's
 * {@link SavedFilterStore} under the list name {@code purchasing.<kind>} (this class owns what a
 * definition means). Whoever may read purchasing documents may save filters.
 */
@Service
public class PurchaseFilterService {

    private final SavedFilterStore store;

    PurchaseFilterService(SavedFilterStore store) {
        this.store = store;
    }

    /** The current user's saved filters of the list of {@code kind}, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public List<SavedPurchaseFilter> savedFilters(PurchaseKind kind) {
        return store.saved(listName(kind)).stream()
                .map(stored -> read(stored, kind))
                .toList();
    }

    /** Saves the filter under a name for the current user; a filter of the same name is replaced. */
    @Transactional
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public SavedPurchaseFilter saveFilter(String name, PurchaseFilter filter, Sort<PurchaseSort> sort) {
        SavedFilterStore.problemOf(name).ifPresent(problem -> {
            switch (problem) {
                case REQUIRED -> throw new PurchasingRuleException("purchasing.list.saved-filters.name-required");
                case CONTROL_CHARACTERS ->
                    throw new PurchasingRuleException("purchasing.list.saved-filters.control-characters");
                case TOO_LONG -> throw new PurchasingRuleException("purchasing.list.saved-filters.too-long");
            }
        });
        Sort<PurchaseSort> effectiveSort = PurchaseSort.orDefault(sort);
        StoredFilter saved = store.save(listName(filter.kind()), name, write(filter, effectiveSort));
        return new SavedPurchaseFilter(saved.id(), saved.name(), filter, effectiveSort);
    }

    /** Deletes one of the current user's saved filters of the list of {@code kind}. */
    @Transactional
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public void deleteSavedFilter(PurchaseKind kind, UUID id) {
        store.delete(listName(kind), id);
    }

    static String listName(PurchaseKind kind) {
        return "purchasing." + kind.name().toLowerCase(Locale.ROOT);
    }

    /** A filter's definition as JSON (the kind is the list's, not stored). */
    static String write(PurchaseFilter filter, Sort<PurchaseSort> sort) {
        ObjectNode node = FilterJson.object();
        FilterJson.put(node, "status", filter.status());
        FilterJson.put(node, "from", filter.from());
        FilterJson.put(node, "to", filter.to());
        FilterJson.put(node, "supplier", filter.supplierId());
        node.put("text", filter.text());
        node.put("sort", sort.by().name());
        node.put("descending", sort.descending());
        return FilterJson.write(node);
    }

    static SavedPurchaseFilter read(StoredFilter stored, PurchaseKind kind) {
        JsonNode node = FilterJson.read(stored.definition());
        PurchaseFilter filter = new PurchaseFilter(
                kind,
                FilterJson.enumOrNull(node, "status", PurchaseStatus.class),
                FilterJson.date(node, "from"),
                FilterJson.date(node, "to"),
                FilterJson.uuid(node, "supplier"),
                FilterJson.text(node, "text"));
        PurchaseSort by = FilterJson.enumOrNull(node, "sort", PurchaseSort.class);
        Sort<PurchaseSort> sort = by == null
                ? PurchaseSort.newestFirst()
                : new Sort<>(by, node.path("descending").asBoolean(false));
        return new SavedPurchaseFilter(stored.id(), stored.name(), filter, sort);
    }
}
