package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.OwnerOption;
import com.nexo.accounts.export.AccountExportService;
import com.nexo.accounts.filters.SavedFilter;
import com.nexo.accounts.filters.SavedFilterService;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountFilter.Status;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountPage;
import com.nexo.accounts.search.AccountRow;
import com.nexo.accounts.search.AccountSort;
import com.nexo.accounts.search.CountEstimate;
import com.nexo.accounts.search.PageCursor;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.KeysetPaging;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.base.ui.TimeFormat;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Accounts (clients, suppliers, prospects, professionals): a lazy list read page by page in the
 * database's index order, with filters, a quick search that forgives accents and typos, saved
 * filters, a count that is estimated when counting would cost more than the page, and CSV export.
 * The shape every business module's list follows.
 */
@Route("accounts")
@RolesAllowed(AccountPermissions.READ)
@Menu(title = "menu.accounts", order = 10, icon = "vaadin:building")
public class AccountListView extends Main implements HasDynamicTitle {

    /** The list's query: what the grid shows depends on nothing else. */
    private record Query(AccountFilter filter, AccountSort sort) {}

    private final transient AccountService accounts;
    private final transient AccountListService lists;
    private final transient SavedFilterService filterStore;
    private final transient AccountExportService exporter;
    private final QuickSearchField search;
    private final MultiSelectComboBox<AccountRole> roles = new MultiSelectComboBox<>();
    private final TextField tag = new TextField();
    private final ComboBox<OwnerOption> owner = new ComboBox<>();
    private final Select<Status> status = new Select<>();
    private final ComboBox<SavedFilter> savedFilters = new ComboBox<>();
    private final Span count = new Span();
    private final Grid<AccountRow> grid = new Grid<>();
    private final KeysetPaging<AccountRow, PageCursor> paging = new KeysetPaging<>();
    /**
     * What the list shows, for the CSV export: the download is served on a request of its own, outside
     * the UI's lock, so it reads this snapshot instead of the filter fields.
     */
    private volatile Query exportQuery = new Query(AccountFilter.active(), AccountSort.byName());
    /** Set while a saved filter fills the fields, so the list reloads once instead of once per field. */
    private boolean applyingSavedFilter;

    AccountListView(
            AccountService accounts,
            AccountListService lists,
            SavedFilterService filterStore,
            AccountExportService exporter) {
        this.accounts = accounts;
        this.lists = lists;
        this.filterStore = filterStore;
        this.exporter = exporter;
        this.search = new QuickSearchField(getTranslation("accounts.list.search"));
        addClassNames("list-view", "accounts-list");
        count.addClassName("list-count");
        add(toolbar(), filters(), count, grid);
        configureGrid();
        queryChanged();
    }

    private Component toolbar() {
        search.addValueChangeListener(change -> refresh());
        Div actions = new Div();
        actions.addClassName("list-actions");
        if (CurrentUser.can(AccountPermissions.EXPORT)) {
            Locale locale = getLocale();
            DownloadLink export = new DownloadLink(
                    getTranslation("accounts.list.export"),
                    getTranslation("accounts.list.export-file") + ".csv",
                    "text/csv; charset=UTF-8",
                    out -> {
                        Query shown = exportQuery; // read once: the download runs on its own request
                        exporter.exportCsv(shown.filter(), shown.sort(), locale, out);
                    });
            export.addClassName("export-link");
            actions.add(export);
        }
        if (CurrentUser.can(AccountPermissions.CREATE)) {
            Button create = new Button(getTranslation("accounts.list.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(click ->
                    AccountFormDialog.forNew(accounts, this::open, this::open).open());
            actions.add(create);
        }
        Div toolbar = new Div(search, actions);
        toolbar.addClassName("list-toolbar");
        return toolbar;
    }

    private Component filters() {
        roles.setLabel(getTranslation("accounts.list.filter-roles"));
        roles.setItems(AccountRole.values());
        roles.setItemLabelGenerator(role -> AccountLabels.role(this, role));
        roles.setClearButtonVisible(true);

        tag.setLabel(getTranslation("accounts.list.filter-tag"));
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);

        owner.setLabel(getTranslation("accounts.list.filter-owner"));
        owner.setItems(accounts.owners());
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

        roles.addValueChangeListener(change -> refresh());
        tag.addValueChangeListener(change -> refresh());
        owner.addValueChangeListener(change -> refresh());
        status.addValueChangeListener(change -> refresh());

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

        Div filters = new Div(roles, tag, owner, status, savedFilters, delete, save);
        filters.addClassName("list-filters");
        return filters;
    }

    private void saveFilter(String name) {
        SavedFilter saved;
        try {
            saved = filterStore.saveFilter(name, currentFilter(), currentSort());
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

    /** Fills the filter fields from a saved filter, then reloads the list once. */
    private void apply(SavedFilter saved) {
        AccountFilter filter = saved.filter();
        applyingSavedFilter = true;
        try {
            search.setValue(filter.text() == null ? "" : filter.text());
            roles.setValue(filter.roles());
            tag.setValue(filter.tag() == null ? "" : filter.tag());
            owner.setValue(owner.getListDataView()
                    .getItems()
                    .filter(option -> option.id().equals(filter.ownerId()))
                    .findFirst()
                    .orElse(null));
            status.setValue(filter.status());
            if (saved.sort() != null && saved.sort().column() != AccountSort.Column.RELEVANCE) {
                grid.getColumns().stream()
                        .filter(column -> saved.sort().column().name().equals(column.getKey()))
                        .findFirst()
                        .ifPresent(column -> grid.sort(List.of(new GridSortOrder<>(
                                column,
                                saved.sort().descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING))));
            }
        } finally {
            applyingSavedFilter = false;
        }
        reload();
    }

    AccountFilter currentFilter() {
        return new AccountFilter(
                roles.getValue(),
                tag.getValue(),
                owner.getValue() == null ? null : owner.getValue().id(),
                status.getValue(),
                search.text());
    }

    /** The grid's sort; without one, best matches first while searching, else by name. */
    AccountSort currentSort() {
        return sortOf(grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .toList());
    }

    private AccountSort sortOf(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return search.text().isEmpty() ? AccountSort.byName() : AccountSort.relevance();
        }
        QuerySortOrder first = orders.get(0);
        return new AccountSort(
                AccountSort.Column.valueOf(first.getSorted()), first.getDirection() == SortDirection.DESCENDING);
    }

    private void configureGrid() {
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(row -> GridCells.twoLines(row.legalName(), secondLine(row)))
                .setKey(AccountSort.Column.NAME.name())
                .setSortProperty(AccountSort.Column.NAME.name())
                .setHeader(getTranslation("accounts.list.column-name"))
                .setWidth("13rem")
                .setFlexGrow(3);
        grid.addColumn(AccountRow::code)
                .setKey(AccountSort.Column.CODE.name())
                .setSortProperty(AccountSort.Column.CODE.name())
                .setHeader(getTranslation("accounts.list.column-code"))
                .setWidth("6.5rem")
                .setFlexGrow(0);
        grid.addColumn(row -> AccountLabels.roles(this, row.roles()))
                .setKey("roles")
                .setHeader(getTranslation("accounts.list.column-roles"))
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addComponentColumn(row -> GridCells.twoLines(row.email(), row.phone()))
                .setKey("contact")
                .setHeader(getTranslation("accounts.list.column-contact"))
                .setWidth("12rem")
                .setFlexGrow(2);
        Grid.Column<AccountRow> city = grid.addColumn(AccountRow::city)
                .setKey("city")
                .setHeader(getTranslation("accounts.list.column-city"))
                .setWidth("8rem")
                .setFlexGrow(1);
        Grid.Column<AccountRow> ownerColumn = grid.addColumn(AccountRow::ownerName)
                .setKey("owner")
                .setHeader(getTranslation("accounts.list.column-owner"))
                .setWidth("9rem")
                .setFlexGrow(1);
        Grid.Column<AccountRow> updated = grid.addColumn(row -> TimeFormat.dateTime(row.updatedAt()))
                .setKey(AccountSort.Column.UPDATED.name())
                .setSortProperty(AccountSort.Column.UPDATED.name())
                .setHeader(getTranslation("accounts.list.column-updated"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::statusBadge)
                .setKey("status")
                .setHeader(getTranslation("accounts.list.column-status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // A tablet held upright keeps name, code, roles, contact and status in view.
        NarrowScreens.hideColumnsBelow(grid, 1100, List.of(city, ownerColumn, updated));
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("accounts.list.empty"));
        // Keyset pages, no count: the grid asks for the next page while the user scrolls, and a
        // page deep down costs what the first one does.
        grid.setItems(query -> {
            Query current = new Query(currentFilter(), sortOf(query.getSortOrders()));
            return paging
                    .rows(current, query.getOffset(), query.getLimit(), (cursor, limit) -> {
                        AccountPage page = lists.page(current.filter(), current.sort(), cursor, limit);
                        return new KeysetPaging.Page<>(page.rows(), page.next());
                    })
                    .stream();
        });
        grid.addSortListener(sort -> queryChanged());
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> open(click.getItem().id()));
    }

    private static String secondLine(AccountRow row) {
        String trade = row.tradeName() == null || row.tradeName().equals(row.legalName()) ? null : row.tradeName();
        String taxId = row.taxId();
        if (trade != null && taxId != null) {
            return trade + " · " + taxId;
        }
        return trade != null ? trade : taxId;
    }

    private Badge statusBadge(AccountRow row) {
        Badge badge = new Badge(
                row.archived() ? getTranslation("accounts.status.archived") : getTranslation("accounts.status.active"));
        badge.addThemeVariants(row.archived() ? BadgeVariant.CONTRAST : BadgeVariant.SUCCESS, BadgeVariant.SMALL);
        return badge;
    }

    /** The filter or sort changed: new export snapshot, new count. */
    private void queryChanged() {
        exportQuery = new Query(currentFilter(), currentSort());
        CountEstimate estimate = lists.count(currentFilter());
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        count.setText(
                estimate.exact()
                        ? getTranslation("accounts.list.count", numbers.format(estimate.value()))
                        : getTranslation(
                                "accounts.list.count-estimated",
                                numbers.format(estimate.exactLimit()),
                                numbers.format(estimate.value())));
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(AccountDetailView.class, AccountDetailView.parameters(id)));
    }

    /** A filter field changed: the list no longer shows the saved filter picked earlier. */
    private void refresh() {
        if (!applyingSavedFilter) {
            savedFilters.clear(); // picking it again re-applies it
            reload();
        }
    }

    private void reload() {
        paging.reset();
        grid.getDataProvider().refreshAll();
        queryChanged();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title");
    }
}
