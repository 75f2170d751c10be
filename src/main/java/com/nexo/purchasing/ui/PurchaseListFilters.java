package com.nexo.purchasing.ui;

import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.SavedFilterPicker;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.lists.PurchaseFilter;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListService;
import com.nexo.purchasing.lists.PurchaseListTexts;
import com.nexo.purchasing.lists.PurchaseSort;
import com.nexo.purchasing.lists.SavedPurchaseFilter;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A purchasing list's filter fields (state, supplier, dates) and the user's saved filters of that
 * list ({@link SavedFilterPicker}): picking a saved filter fills the fields (and, through
 * {@code onSavedFilter}, the search text and sort) and the list reloads once; changing a field
 * reloads it and forgets the saved filter picked.
 */
class PurchaseListFilters extends Div {

    /** How many suppliers the supplier field offers for what is typed. */
    private static final int SUPPLIER_CHOICES = 20;

    private final PurchaseKind kind;
    private final transient PurchaseFilterService filterStore;
    private final transient PurchaseListService lists;
    private final Select<PurchaseStatus> state = new Select<>();
    private final ComboBox<AccountName> supplier = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final SavedFilterPicker<SavedPurchaseFilter> savedFilters;
    private final transient Runnable onChange;
    private final transient Consumer<SavedPurchaseFilter> onSavedFilter;
    private final transient Supplier<PurchaseFilter> shownFilter;
    private final transient Supplier<Sort<PurchaseSort>> shownSort;
    private boolean applyingSavedFilter;

    PurchaseListFilters(
            PurchaseKind kind,
            PurchaseFilterService filterStore,
            PurchaseListService lists,
            Runnable onChange,
            Consumer<SavedPurchaseFilter> onSavedFilter,
            Supplier<PurchaseFilter> shownFilter,
            Supplier<Sort<PurchaseSort>> shownSort) {
        this.kind = kind;
        this.filterStore = filterStore;
        this.lists = lists;
        this.onChange = onChange;
        this.onSavedFilter = onSavedFilter;
        this.shownFilter = shownFilter;
        this.shownSort = shownSort;
        addClassName("list-filters");

        state.setLabel(getTranslation("purchasing.list.filter-state"));
        state.setItems(PurchaseListTexts.statesOf(kind));
        state.setEmptySelectionAllowed(true);
        state.setItemLabelGenerator(
                status -> status == null ? "" : getTranslation(PurchaseListTexts.statusKey(status)));
        state.addClassName("filter-state");
        supplier.setLabel(getTranslation("purchasing.list.filter-supplier"));
        supplier.setItemLabelGenerator(AccountName::name);
        supplier.setItems(query -> lists
                .suppliersMatching(
                        query.getFilter().orElse(""), query.getOffset() + Math.min(query.getLimit(), SUPPLIER_CHOICES))
                .stream()
                .skip(query.getOffset()));
        supplier.setClearButtonVisible(true);
        supplier.addClassName("filter-supplier");
        from.setLabel(getTranslation("purchasing.list.filter-from"));
        from.setClearButtonVisible(true);
        from.addClassName("filter-from");
        to.setLabel(getTranslation("purchasing.list.filter-to"));
        to.setClearButtonVisible(true);
        to.addClassName("filter-to");
        state.addValueChangeListener(change -> changed());
        supplier.addValueChangeListener(change -> changed());
        from.addValueChangeListener(change -> changed());
        to.addValueChangeListener(change -> changed());

        savedFilters = new SavedFilterPicker<>(
                this,
                "purchasing.list.saved-filters",
                SavedPurchaseFilter::name,
                SavedPurchaseFilter::id,
                new SavedFilterPicker.Store<>() {
                    @Override
                    public List<SavedPurchaseFilter> saved() {
                        return filterStore.savedFilters(kind);
                    }

                    @Override
                    public SavedPurchaseFilter save(String name) {
                        return saveFilter(name);
                    }

                    @Override
                    public void delete(SavedPurchaseFilter filter) {
                        filterStore.deleteSavedFilter(kind, filter.id());
                    }
                },
                this::apply);
        add(state, supplier, from, to);
        add(savedFilters.components());
    }

    /** The filter of these fields with the quick search's {@code text}. */
    PurchaseFilter filter(String text) {
        return new PurchaseFilter(
                kind,
                state.getValue(),
                from.getValue(),
                to.getValue(),
                supplier.getValue() == null ? null : supplier.getValue().id(),
                text);
    }

    /** A field changed (the search text too): the list no longer shows the saved filter picked. */
    void changed() {
        if (!applyingSavedFilter) {
            savedFilters.forget();
            onChange.run();
        }
    }

    private void apply(SavedPurchaseFilter saved) {
        PurchaseFilter filter = saved.filter();
        boolean before = applyingSavedFilter;
        applyingSavedFilter = true;
        try {
            state.setValue(filter.status());
            supplier.setValue(lists.supplier(filter.supplierId()));
            from.setValue(filter.from());
            to.setValue(filter.to());
            onSavedFilter.accept(saved);
        } finally {
            applyingSavedFilter = before;
        }
        onChange.run();
    }

    private SavedPurchaseFilter saveFilter(String name) {
        try {
            return filterStore.saveFilter(name, shownFilter.get(), shownSort.get());
        } catch (PurchasingRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return null;
        }
    }
}
