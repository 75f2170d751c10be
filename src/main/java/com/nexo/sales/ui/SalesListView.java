package com.nexo.sales.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.lists.SalesExportService;
import com.nexo.sales.lists.SalesFilter;
import com.nexo.sales.lists.SalesFilterService;
import com.nexo.sales.lists.SalesListService;
import com.nexo.sales.lists.SalesQuery;
import com.nexo.sales.lists.SalesRow;
import com.nexo.sales.lists.SalesSort;
import com.nexo.sales.lists.SavedSalesFilter;
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
 * The list of one kind of sales document (each route is a subclass with its own access annotation
 * and menu entry): a lazy grid read by key ({@link PagedList}), newest first, with the filters of
 * {@link SalesListFilters} and saved filters, a quick search by number, client or article, a count,
 * CSV export and a "New" button. A row opens the document's page.
 */
public abstract class SalesListView extends Main implements HasDynamicTitle {

    /** The route of a document's page. */
    static final String DOCUMENT_ROUTE = "sales/document/";

    private final DocumentKind kind;
    private final transient SalesListService lists;
    private final QuickSearchField search;
    private final SalesListFilters filters;
    private final Span count = new Span();
    private final Grid<SalesRow> grid = new Grid<>();
    private final Div actions = new Div();
    private final PagedList<SalesRow, SalesQuery> list;
    /** What the list shows, for the CSV export, which is served outside the UI's lock. */
    private volatile SalesQuery exportQuery;

    protected SalesListView(
            DocumentKind kind, SalesListService lists, SalesFilterService filterStore, SalesExportService exporter) {
        this.kind = kind;
        this.lists = lists;
        this.exportQuery = new SalesQuery(SalesFilter.all(kind), null);
        this.search = new QuickSearchField(getTranslation("sales.list.search"));
        this.filters = new SalesListFilters(
                kind,
                filterStore,
                lists.salespeople(),
                this::reload,
                this::apply,
                this::currentFilter,
                this::currentSort);
        addClassNames("list-view", "sales-list", "sales-list-" + slug(kind));
        count.addClassName("list-count");
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        SalesListColumns.addTo(grid, kind);
        grid.setMultiSort(false);
        grid.setEmptyStateText(emptyText(kind));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(click -> open(click.getItem().id()));
        list = PagedList.bind(grid, orders -> new SalesQuery(currentFilter(), sortOf(orders)), lists::page);
        grid.addSortListener(sort -> queryChanged());
        add(toolbar(exporter), filters, count, grid);
        queryChanged();
    }

    /**
     * Lets the user tick documents and invoice them together (delivery notes of one client): one
     * draft invoice for what they have not invoiced yet, opened on its page.
     */
    protected void invoiceTogether(InvoicingService invoicing) {
        if (!CurrentUser.can(SalesPermissions.INVOICE)) {
            return;
        }
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        Button invoice = new Button(getTranslation("sales.list.invoice-selected"), VaadinIcon.INVOICE.create());
        invoice.addClassName("invoice-selected");
        invoice.setEnabled(false);
        grid.addSelectionListener(
                selection -> invoice.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        invoice.addClickListener(click -> {
            List<java.util.UUID> chosen =
                    grid.getSelectedItems().stream().map(SalesRow::id).toList();
            try {
                java.util.UUID draft = invoicing.invoice(chosen);
                Notices.success(getTranslation("sales.page.done.invoiced"));
                open(draft);
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
            }
        });
        actions.add(invoice);
    }

    private Component toolbar(SalesExportService exporter) {
        search.addValueChangeListener(change -> filters.changed());
        actions.addClassName("list-actions");
        if (CurrentUser.can(SalesPermissions.EXPORT)) {
            Locale locale = getLocale();
            ZoneId zone = Format.zone(UI.getCurrent());
            DownloadLink export = new DownloadLink(
                    getTranslation("sales.list.export"),
                    getTranslation("sales.list.export-file") + "-" + slug(kind) + ".csv",
                    "text/csv; charset=UTF-8",
                    out -> exporter.exportCsv(exportQuery, locale, zone, out));
            export.addClassName("export-link");
            actions.add(export);
        }
        if (kind != DocumentKind.DELIVERY && CurrentUser.can(SalesPermissions.CREATE)) {
            Button create = new Button(getTranslation("sales.list.new"), VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClassName("new-document");
            create.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("sales/document/new/" + slug(kind))));
            actions.add(create);
        }
        Div toolbar = new Div(search, actions);
        toolbar.addClassName("list-toolbar");
        return toolbar;
    }

    /** A saved filter was picked: its search text and sort too (the filter fields are filled). */
    private void apply(SavedSalesFilter saved) {
        search.setValue(saved.filter().text() == null ? "" : saved.filter().text());
        PagedList.showSort(grid, saved.sort());
    }

    SalesFilter currentFilter() {
        return filters.filter(search.text());
    }

    Sort<SalesSort> currentSort() {
        return sortOf(PagedList.sortOrders(grid));
    }

    private static Sort<SalesSort> sortOf(List<QuerySortOrder> orders) {
        return orders.isEmpty() ? SalesSort.newestFirst() : PagedList.sort(orders, SalesSort.class, SalesSort.DATE);
    }

    private void queryChanged() {
        SalesFilter filter = currentFilter();
        exportQuery = new SalesQuery(filter, currentSort());
        CountEstimate estimate = lists.count(filter);
        count.setText(
                estimate.exact()
                        ? getTranslation("sales.list.count", Format.integer(estimate.value()), estimate.value())
                        : getTranslation(
                                "sales.list.count-estimated",
                                Format.integer(estimate.exactLimit()),
                                Format.integer(estimate.value())));
    }

    private void reload() {
        list.refresh();
        queryChanged();
    }

    private void open(UUID id) {
        getUI().ifPresent(ui -> ui.navigate(DOCUMENT_ROUTE + id));
    }

    Grid<SalesRow> grid() {
        return grid;
    }

    static String slug(DocumentKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What to do next when the list is empty, per kind. */
    private String emptyText(DocumentKind shown) {
        return switch (shown) {
            case QUOTE -> getTranslation("sales.list.empty.quote");
            case ORDER -> getTranslation("sales.list.empty.order");
            case DELIVERY -> getTranslation("sales.list.empty.delivery");
            case INVOICE, CORRECTIVE -> getTranslation("sales.list.empty.invoice");
        };
    }

    @Override
    public String getPageTitle() {
        return switch (kind) {
            case QUOTE -> getTranslation("sales.list.title.quote");
            case ORDER -> getTranslation("sales.list.title.order");
            case DELIVERY -> getTranslation("sales.list.title.delivery");
            case INVOICE, CORRECTIVE -> getTranslation("sales.list.title.invoice");
        };
    }
}
