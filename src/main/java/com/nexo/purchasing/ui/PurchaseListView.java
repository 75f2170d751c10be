package com.nexo.purchasing.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.lists.PurchaseExportService;
import com.nexo.purchasing.lists.PurchaseFilter;
import com.nexo.purchasing.lists.PurchaseFilterService;
import com.nexo.purchasing.lists.PurchaseListService;
import com.nexo.purchasing.lists.PurchaseListTexts;
import com.nexo.purchasing.lists.PurchaseQuery;
import com.nexo.purchasing.lists.PurchaseRow;
import com.nexo.purchasing.lists.PurchaseSort;
import com.nexo.purchasing.lists.SavedPurchaseFilter;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.router.HasDynamicTitle;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The list of one kind of purchasing document (each route is a subclass with its own access
 * annotation and menu entry): a lazy grid read by key ({@link PagedList}), newest first, with the
 * filters of {@link PurchaseListFilters} and saved filters, a quick search by number, supplier or
 * supplier's reference, a count and CSV export. A row opens the document's page
 * ({@link PurchaseRoutes#document}).
 */
public abstract class PurchaseListView extends Main implements HasDynamicTitle {

    private final PurchaseKind kind;
    private final transient PurchaseListService lists;
    private final QuickSearchField search;
    private final PurchaseListFilters filters;
    private final Span count = new Span();
    private final Grid<PurchaseRow> grid = new Grid<>();
    private final Div actions = new Div();
    /** "New order" / "New RFQ" (null on other lists or without purchasing.create). */
    Button newDocument;

    private final PagedList<PurchaseRow, PurchaseQuery> list;
    /** What the list shows, for the CSV export, which is served outside the UI's lock. */
    private volatile PurchaseQuery exportQuery;

    protected PurchaseListView(
            PurchaseKind kind,
            PurchaseListService lists,
            PurchaseFilterService filterStore,
            PurchaseExportService exporter) {
        this.kind = kind;
        this.lists = lists;
        this.exportQuery = new PurchaseQuery(PurchaseFilter.all(kind), null);
        this.search = new QuickSearchField(getTranslation("purchasing.list.search." + PurchaseListTexts.slug(kind)));
        this.filters = new PurchaseListFilters(
                kind, filterStore, lists, this::reload, this::apply, this::currentFilter, this::currentSort);
        addClassNames("list-view", "purchase-list", "purchase-list-" + PurchaseListTexts.slug(kind));
        count.addClassName("list-count");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        PurchaseListColumns.addTo(grid, kind);
        grid.setMultiSort(false);
        grid.setEmptyStateText(getTranslation("purchasing.list.empty." + PurchaseListTexts.slug(kind)));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> open(click.getItem().id()));
        list = PagedList.bind(grid, orders -> new PurchaseQuery(currentFilter(), sortOf(orders)), lists::page);
        grid.addSortListener(sort -> queryChanged());
        add(toolbar(exporter), filters, count, grid);
        queryChanged();
    }

    private Component toolbar(PurchaseExportService exporter) {
        search.addValueChangeListener(change -> filters.changed());
        actions.addClassName("list-actions");
        if ((kind == PurchaseKind.ORDER || kind == PurchaseKind.RFQ) && CurrentUser.can(PurchasingPermissions.CREATE)) {
            String route = PurchaseRoutes.list(kind) + "/new";
            newDocument = new Button(
                    getTranslation("purchasing.list.new." + PurchaseListTexts.slug(kind)), VaadinIcon.PLUS.create());
            newDocument.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newDocument.addClassName("new-document");
            newDocument.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(route)));
            actions.add(newDocument);
        }
        if (CurrentUser.can(PurchasingPermissions.EXPORT)) {
            Locale locale = getLocale();
            ZoneId zone = Format.zone(UI.getCurrent());
            DownloadLink export = new DownloadLink(
                    getTranslation("purchasing.list.export"),
                    getTranslation("purchasing.list.export-file") + "-" + PurchaseListTexts.slug(kind) + ".csv",
                    "text/csv; charset=UTF-8",
                    out -> exporter.exportCsv(exportQuery, locale, zone, out));
            export.addClassName("export-link");
            actions.add(export);
        }
        Div toolbar = new Div(search, actions);
        toolbar.addClassName("list-toolbar");
        return toolbar;
    }

    /** A saved filter was picked: its search text and sort too (the filter fields are filled). */
    private void apply(SavedPurchaseFilter saved) {
        search.setValue(saved.filter().text() == null ? "" : saved.filter().text());
        PagedList.showSort(grid, saved.sort());
    }

    PurchaseFilter currentFilter() {
        return filters.filter(search.text());
    }

    Sort<PurchaseSort> currentSort() {
        return sortOf(PagedList.sortOrders(grid));
    }

    private static Sort<PurchaseSort> sortOf(List<QuerySortOrder> orders) {
        return orders.isEmpty()
                ? PurchaseSort.newestFirst()
                : PagedList.sort(orders, PurchaseSort.class, PurchaseSort.DATE);
    }

    private void queryChanged() {
        PurchaseFilter filter = currentFilter();
        exportQuery = new PurchaseQuery(filter, currentSort());
        CountEstimate estimate = lists.count(filter);
        count.setText(
                estimate.exact()
                        ? getTranslation("purchasing.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "purchasing.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
    }

    private void reload() {
        list.refresh();
        queryChanged();
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(PurchaseRoutes.document(kind, id)));
    }

    Grid<PurchaseRow> grid() {
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("purchasing.list.title." + PurchaseListTexts.slug(kind));
    }
}
