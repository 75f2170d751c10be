package com.nexo.sales.ui;

import com.nexo.base.paging.Sort;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.SavedFilterPicker;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.lists.SalesFilter;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesSort;
import com.nexo.sales.lists.SavedSalesFilter;
import com.nexo.security.UserDirectory.UserName;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A sales list's filter fields (state, dates, salesperson) and the user's saved filters of that list:
 * picking a saved filter fills the fields (and, through {@code onSavedFilter}, the search text and
 * sort) and the list reloads once; changing a field reloads it and forgets the saved filter picked.
 */
class SalesListFilters extends Div {

    /** A choice of the state field: a state, or the quotes that expired unanswered. */
    record StateChoice(DocumentStatus status, boolean expired) {}

    private final DocumentKind kind;
    private final transient SalesFilterService filterStore;
    private final Select<StateChoice> state = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<UserName> salesperson = new ComboBox<>();
    private final SavedFilterPicker<SavedSalesFilter> savedFilters;
    private final transient Runnable onChange;
    private final transient Consumer<SavedSalesFilter> onSavedFilter;
    private final transient Supplier<SalesFilter> shownFilter;
    private final transient Supplier<Sort<SalesSort>> shownSort;
    private boolean applyingSavedFilter;

    SalesListFilters(
            DocumentKind kind,
            SalesFilterService filterStore,
            List<UserName> salespeople,
            Runnable onChange,
            Consumer<SavedSalesFilter> onSavedFilter,
            Supplier<SalesFilter> shownFilter,
            Supplier<Sort<SalesSort>> shownSort) {
        this.kind = kind;
        this.filterStore = filterStore;
        this.onChange = onChange;
        this.onSavedFilter = onSavedFilter;
        this.shownFilter = shownFilter;
        this.shownSort = shownSort;
        addClassName("list-filters");

        state.setLabel(getTranslation("sales.list.filter-state"));
        state.setItems(choices(kind));
        state.setEmptySelectionAllowed(true);
        state.setItemLabelGenerator(choice -> choice == null
                ? ""
                : choice.expired()
                        ? getTranslation("sales.status.expired")
                        : getTranslation(choice.status().key()));
        state.addClassName("filter-state");
        from.setLabel(getTranslation("sales.list.filter-from"));
        from.setClearButtonVisible(true);
        from.addClassName("filter-from");
        to.setLabel(getTranslation("sales.list.filter-to"));
        to.setClearButtonVisible(true);
        to.addClassName("filter-to");
        salesperson.setLabel(getTranslation("sales.list.filter-salesperson"));
        salesperson.setItems(salespeople);
        salesperson.setItemLabelGenerator(UserName::displayName);
        salesperson.setClearButtonVisible(true);
        salesperson.addClassName("filter-salesperson");
        state.addValueChangeListener(change -> changed());
        from.addValueChangeListener(change -> changed());
        to.addValueChangeListener(change -> changed());
        salesperson.addValueChangeListener(change -> changed());

        savedFilters = new SavedFilterPicker<>(
                this,
                "sales.list.saved-filters",
                SavedSalesFilter::name,
                SavedSalesFilter::id,
                new SavedFilterPicker.Store<>() {
                    @Override
                    public List<SavedSalesFilter> saved() {
                        return filterStore.savedFilters(kind);
                    }

                    @Override
                    public SavedSalesFilter save(String name) {
                        return saveFilter(name);
                    }

                    @Override
                    public void delete(SavedSalesFilter filter) {
                        filterStore.deleteSavedFilter(kind, filter.id());
                    }
                },
                this::apply);

        add(state, from, to, salesperson);
        add(savedFilters.components());
    }

    private static List<StateChoice> choices(DocumentKind kind) {
        List<DocumentStatus> states = switch (kind) {
            case QUOTE ->
                List.of(DocumentStatus.DRAFT, DocumentStatus.SENT, DocumentStatus.ACCEPTED, DocumentStatus.CANCELLED);
            case ORDER ->
                List.of(
                        DocumentStatus.DRAFT,
                        DocumentStatus.CONFIRMED,
                        DocumentStatus.PARTIALLY_DELIVERED,
                        DocumentStatus.DELIVERED,
                        DocumentStatus.CANCELLED);
            case DELIVERY -> List.of(DocumentStatus.DONE, DocumentStatus.CANCELLED);
            case INVOICE, CORRECTIVE -> List.of(DocumentStatus.DRAFT, DocumentStatus.ISSUED, DocumentStatus.CANCELLED);
        };
        List<StateChoice> choices = new ArrayList<>(
                states.stream().map(s -> new StateChoice(s, false)).toList());
        if (kind == DocumentKind.QUOTE) {
            choices.add(new StateChoice(null, true));
        }
        return choices;
    }

    /** The filter of these fields with the quick search's {@code text}. */
    SalesFilter filter(String text) {
        StateChoice choice = state.getValue();
        return new SalesFilter(
                kind,
                choice == null ? null : choice.status(),
                choice != null && choice.expired(),
                from.getValue(),
                to.getValue(),
                salesperson.getValue() == null ? null : salesperson.getValue().id(),
                null,
                text);
    }

    /** A field changed (the search text too): the list no longer shows the saved filter picked. */
    void changed() {
        if (!applyingSavedFilter) {
            savedFilters.forget();
            onChange.run();
        }
    }

    private void apply(SavedSalesFilter saved) {
        SalesFilter filter = saved.filter();
        boolean before = applyingSavedFilter;
        applyingSavedFilter = true;
        try {
            state.setValue(
                    filter.expired()
                            ? new StateChoice(null, true)
                            : filter.status() == null ? null : new StateChoice(filter.status(), false));
            from.setValue(filter.from());
            to.setValue(filter.to());
            salesperson.setValue(salesperson
                    .getListDataView()
                    .getItems()
                    .filter(user -> Objects.equals(user.id(), filter.salespersonId()))
                    .findFirst()
                    .orElse(null));
            onSavedFilter.accept(saved);
        } finally {
            applyingSavedFilter = before;
        }
        onChange.run();
    }

    private SavedSalesFilter saveFilter(String name) {
        try {
            return filterStore.saveFilter(name, shownFilter.get(), shownSort.get());
        } catch (SalesRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return null;
        }
    }
}
