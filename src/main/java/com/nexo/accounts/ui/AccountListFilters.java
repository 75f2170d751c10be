package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.accounts.filters.SavedFilter;
import com.nexo.accounts.filters.SavedFilterService;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountFilter.Status;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The account list's filter fields (roles, tag, owner, status) and the user's saved filters: picking a
 * saved filter fills the fields (and the search text and sort, through {@code onSavedFilter}) and the
 * list reloads once; changing a field reloads it and forgets the saved filter picked.
 */
class AccountListFilters extends Div {

    private final transient SavedFilterService filterStore;
    private final MultiSelectComboBox<AccountRole> roles = new MultiSelectComboBox<>();
    private final TextField tag = new TextField();
    private final ComboBox<OwnerOption> owner = new ComboBox<>();
    private final Select<Status> status = new Select<>();
    private final ComboBox<SavedFilter> savedFilters = new ComboBox<>();
    private final transient Runnable onChange;
    private final transient Consumer<SavedFilter> onSavedFilter;
    private final transient Supplier<AccountFilter> shownFilter;
    private final transient Supplier<Sort<AccountSort>> shownSort;
    /** Set while a saved filter fills the fields, so the list reloads once instead of once per field. */
    private boolean applyingSavedFilter;

    /**
     * {@code onChange}: a field changed; {@code onSavedFilter}: a saved filter was picked (the fields
     * are filled: the caller sets the rest and reloads); {@code shownFilter}/{@code shownSort}: what the
     * list shows, to save.
     */
    AccountListFilters(
            SavedFilterService filterStore,
            List<OwnerOption> owners,
            Runnable onChange,
            Consumer<SavedFilter> onSavedFilter,
            Supplier<AccountFilter> shownFilter,
            Supplier<Sort<AccountSort>> shownSort) {
        this.filterStore = filterStore;
        this.onChange = onChange;
        this.onSavedFilter = onSavedFilter;
        this.shownFilter = shownFilter;
        this.shownSort = shownSort;
        addClassName("list-filters");

        roles.setLabel(getTranslation("accounts.list.filter-roles"));
        roles.setItems(AccountRole.values());
        roles.setItemLabelGenerator(role -> AccountLabels.role(this, role));
        roles.setClearButtonVisible(true);

        tag.setLabel(getTranslation("accounts.list.filter-tag"));
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);

        owner.setLabel(getTranslation("accounts.list.filter-owner"));
        owner.setItems(owners);
        owner.setItemLabelGenerator(OwnerOption::name);
        owner.setClearButtonVisible(true);

        status.setLabel(getTranslation("accounts.list.filter-status"));
        status.setItems(Status.values());
        status.setItemLabelGenerator(value -> switch (value) {
            case ACTIVE -> getTranslation("accounts.status.active");
            case ARCHIVED -> getTranslation("accounts.status.archived");
            case ALL -> getTranslation("accounts.status.all");
        });
        status.setValue(Status.ACTIVE);

        roles.addValueChangeListener(change -> changed());
        tag.addValueChangeListener(change -> changed());
        owner.addValueChangeListener(change -> changed());
        status.addValueChangeListener(change -> changed());

        savedFilters.setLabel(getTranslation("accounts.list.saved-filters"));
        savedFilters.setPlaceholder(getTranslation("accounts.list.saved-filters-pick"));
        savedFilters.setItemLabelGenerator(SavedFilter::name);
        savedFilters.setClearButtonVisible(true);
        savedFilters.addClassName("saved-filters");
        savedFilters.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                apply(change.getValue());
            }
        });
        savedFilters.setItems(filterStore.savedFilters());
        Button save = new Button(getTranslation("accounts.list.save-filter"), VaadinIcon.BOOKMARK.create());
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.addClassName("save-filter");
        save.addClickListener(click -> new SaveFilterDialog(this::saveFilter).open());

        Button delete = new Button(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        delete.setAriaLabel(getTranslation("accounts.list.delete-filter"));
        delete.setTooltipText(getTranslation("accounts.list.delete-filter"));
        delete.addClassName("delete-filter");
        delete.setEnabled(false);
        savedFilters.addValueChangeListener(change -> delete.setEnabled(change.getValue() != null));
        delete.addClickListener(click -> deleteSavedFilter());

        add(roles, tag, owner, status, savedFilters, delete, save);
    }

    /** The filter of these fields with the quick search's {@code text}. */
    AccountFilter filter(String text) {
        return new AccountFilter(
                roles.getValue(),
                tag.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(),
                status.getValue(),
                text);
    }

    /** A field changed (the search text too): the list no longer shows the saved filter picked. */
    void changed() {
        if (!applyingSavedFilter) {
            savedFilters.clear(); // picking it again re-applies it
            onChange.run();
        }
    }

    /** Runs {@code fill} without each changed field reloading the list. */
    void filling(Runnable fill) {
        boolean before = applyingSavedFilter;
        applyingSavedFilter = true;
        try {
            fill.run();
        } finally {
            applyingSavedFilter = before;
        }
    }

    private void apply(SavedFilter saved) {
        AccountFilter filter = saved.filter();
        filling(() -> {
            roles.setValue(filter.roles());
            tag.setValue(filter.tag() == null ? "" : filter.tag());
            owner.setValue(owner.getListDataView()
                    .getItems()
                    .filter(option -> option.id().equals(filter.ownerId()))
                    .findFirst()
                    .orElse(null));
            status.setValue(filter.status());
            onSavedFilter.accept(saved);
        });
        onChange.run();
    }

    private void saveFilter(String name) {
        SavedFilter saved;
        try {
            saved = filterStore.saveFilter(name, shownFilter.get(), shownSort.get());
        } catch (AccountRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        savedFilters.setItems(filterStore.savedFilters());
        savedFilters.setValue(savedFilters
                .getListDataView()
                .getItems()
                .filter(filter -> filter.id().equals(saved.id()))
                .findFirst()
                .orElse(null));
        Notices.success(getTranslation("accounts.list.filter-saved", saved.name()));
    }

    private void deleteSavedFilter() {
        SavedFilter chosen = savedFilters.getValue();
        if (chosen == null) {
            return;
        }
        filterStore.deleteSavedFilter(chosen.id());
        savedFilters.setItems(filterStore.savedFilters());
        Notices.success(getTranslation("accounts.list.filter-deleted", chosen.name()));
    }
}
