package com.nexo.accounts.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.export.AccountExportService;
import com.nexo.accounts.filters.SavedFilter;
import com.nexo.accounts.filters.SavedFilterService;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountListService;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.accounts.search.AccountRow;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Accounts (clients, suppliers, prospects, professionals): a lazy list read page by page in the
 * database's index order ({@link PagedList}), with filters ({@link AccountListFilters}), a quick search
 * that forgives accents and typos, saved filters, a count that is estimated when counting would cost
 * more than the page, and CSV export. The shape every business module's list follows.
 */
@Route("accounts")
@RolesAllowed(AccountPermissions.READ)
@Menu(title = "menu.accounts", order = 10, icon = "vaadin:building")
public class AccountListView extends Main implements HasDynamicTitle {

    private final transient AccountService accounts;
    private final transient AccountListService lists;
    private final transient AccountExportService exporter;
    private final QuickSearchField search;
    private final AccountListFilters filters;
    private final Span count = new Span();
    private final Grid<AccountRow> grid = new Grid<>();
    private final PagedList<AccountRow, AccountQuery> list;
    /**
     * What the list shows, for the CSV export: the download is served on a request of its own, outside
     * the UI's lock, so it reads this snapshot instead of the filter fields.
     */
    private volatile AccountQuery exportQuery = AccountQuery.active();

    AccountListView(
            AccountService accounts,
            AccountListService lists,
            SavedFilterService filterStore,
            AccountExportService exporter) {
        this.accounts = accounts;
        this.lists = lists;
        this.exporter = exporter;
        this.search = new QuickSearchField(getTranslation("accounts.list.search"));
        this.filters = new AccountListFilters(
                filterStore, accounts.owners(), this::reload, this::apply, this::currentFilter, this::currentSort);
        addClassNames("list-view", "accounts-list");
        count.addClassName("list-count");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        AccountColumns.addTo(grid);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("accounts.list.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> open(click.getItem().id()));
        // Keyset pages, no count: the grid asks for the next page while the user scrolls, and a
        // page deep down costs what the first one does.
        list = PagedList.bind(grid, orders -> new AccountQuery(currentFilter(), sortOf(orders)), lists::page);
        grid.addSortListener(sort -> queryChanged());
        add(toolbar(), filters, count, grid);
        queryChanged();
    }

    private Component toolbar() {
        search.addValueChangeListener(change -> filters.changed());
        Div actions = new Div();
        actions.addClassName("list-actions");
        if (CurrentUser.can(AccountPermissions.EXPORT)) {
            Locale locale = getLocale();
            ZoneId zone = Format.zone(UI.getCurrent());
            DownloadLink export = new DownloadLink(
                    getTranslation("accounts.list.export"),
                    getTranslation("accounts.list.export-file") + ".csv",
                    "text/csv; charset=UTF-8",
                    out -> exporter.exportCsv(exportQuery, locale, zone, out));
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

    /** A saved filter was picked: its search text and sort too (the filter fields are filled). */
    private void apply(SavedFilter saved) {
        AccountFilter filter = saved.filter();
        search.setValue(filter.text() == null ? "" : filter.text());
        Sort<AccountSort> sort = saved.sort();
        if (sort != null && sort.by() != AccountSort.RELEVANCE) {
            grid.getColumns().stream()
                    .filter(column -> sort.by().name().equals(column.getKey()))
                    .findFirst()
                    .ifPresent(column -> grid.sort(List.of(new GridSortOrder<>(
                            column, sort.descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING))));
        }
    }

    AccountFilter currentFilter() {
        return filters.filter(search.text());
    }

    /** The grid's sort; without one, best matches first while searching, else by name. */
    Sort<AccountSort> currentSort() {
        return sortOf(grid.getSortOrder().stream()
                .flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
                .toList());
    }

    private Sort<AccountSort> sortOf(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return search.text().isEmpty() ? AccountSort.byName() : AccountSort.relevance();
        }
        return PagedList.sort(orders, AccountSort.class, AccountSort.NAME);
    }

    /** The filter or sort changed: new export snapshot, new count, a word of the search too long. */
    private void queryChanged() {
        AccountFilter filter = currentFilter();
        exportQuery = new AccountQuery(filter, currentSort());
        search.setInvalid(filter.hasOverlongWord());
        search.setErrorMessage(
                filter.hasOverlongWord()
                        ? getTranslation("accounts.list.search-word-too-long", AccountFilter.MAX_WORD_LENGTH)
                        : null);
        CountEstimate estimate = lists.count(filter);
        count.setText(
                estimate.exact()
                        ? getTranslation("accounts.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "accounts.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(AccountDetailView.class, AccountDetailView.parameters(id)));
    }

    private void reload() {
        list.refresh();
        queryChanged();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accounts.title");
    }
}
