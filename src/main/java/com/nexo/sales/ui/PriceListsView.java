package com.nexo.sales.ui;

import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.pricing.PriceListQuery;
import com.nexo.sales.pricing.PriceListRow;
import com.nexo.sales.pricing.PriceListService;
import com.nexo.sales.pricing.PriceListSort;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The price lists of the organisation: name, currency, period, whom each applies to (the default
 * list, a client group, or the clients whose terms name it) and how many items it has. A search by
 * name, archived lists on request, and a new list for those who manage sales settings; a click opens
 * the list's items.
 */
@Route("sales/price-lists")
@RolesAllowed(SalesPermissions.READ)
@Menu(title = "menu.sales-price-lists", order = 38, icon = "vaadin:tags")
public class PriceListsView extends Main implements HasDynamicTitle {

    private final transient PriceListService priceLists;
    final QuickSearchField search;
    final Checkbox withArchived = new Checkbox();
    final Span count = new Span();
    final Grid<PriceListRow> grid = new Grid<>();
    final Button create = new Button();
    private final PagedList<PriceListRow, PriceListQuery> list;

    PriceListsView(PriceListService priceLists) {
        this.priceLists = priceLists;
        this.search = new QuickSearchField(getTranslation("sales.price-lists.search"));
        addClassNames("list-view", "price-lists-view");

        grid.addColumn(PriceListRow::name)
                .setHeader(getTranslation("sales.price-lists.column.name"))
                .setSortProperty(PriceListSort.NAME.name())
                .setFlexGrow(2);
        grid.addComponentColumn(this::appliesTo)
                .setHeader(getTranslation("sales.price-lists.column.applies-to"))
                .setAutoWidth(true);
        Grid.Column<PriceListRow> from = grid.addColumn(row -> Format.date(row.validFrom()))
                .setHeader(getTranslation("sales.price-lists.column.valid-from"))
                .setSortProperty(PriceListSort.VALID_FROM.name())
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListRow> to = grid.addColumn(row -> row.validTo() == null
                        ? getTranslation("sales.price-lists.open-ended")
                        : Format.date(row.validTo()))
                .setHeader(getTranslation("sales.price-lists.column.valid-to"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListRow> currency = grid.addColumn(PriceListRow::currency)
                .setHeader(getTranslation("sales.price-lists.column.currency"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<PriceListRow> items = grid.addColumn(row -> Format.integer(row.items()))
                .setHeader(getTranslation("sales.price-lists.column.items"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::status)
                .setHeader(getTranslation("sales.price-lists.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        NarrowScreens.hideColumnsBelow(grid, 1000, List.of(to, currency, items));
        NarrowScreens.hideColumnsBelow(grid, 600, List.of(from));
        grid.addClassNames("list-grid", "clickable-rows", "price-lists-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setMultiSort(false);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        if (CurrentUser.can(SalesPermissions.SETTINGS)) {
            grid.setEmptyStateText(getTranslation("sales.price-lists.empty"));
        } else {
            grid.setEmptyStateText(getTranslation("sales.price-lists.empty-read-only"));
        }
        grid.addItemClickListener(click -> open(click.getItem().id()));
        // Keyset pages, no count per scroll: page 200 costs what page 1 does.
        list = PagedList.bind(grid, this::query, priceLists::page);
        grid.addSortListener(sort -> countChanged());

        search.addValueChangeListener(change -> reload());
        withArchived.setLabel(getTranslation("sales.price-lists.with-archived"));
        withArchived.addValueChangeListener(change -> reload());
        Div actions = new Div(withArchived);
        actions.addClassName("list-actions");
        if (CurrentUser.can(SalesPermissions.SETTINGS)) {
            create.setText(getTranslation("sales.price-lists.new"));
            create.setIcon(VaadinIcon.PLUS.create());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.addClickListener(click -> PriceListFormDialog.forNew(
                            priceLists, LocalDate.now(Format.zone(getUI().orElseThrow())), this::open)
                    .open());
            actions.add(create);
        } else {
            create.setVisible(false);
        }
        Div toolbar = new Div(new H2(getTranslation("sales.price-lists.title")), search, actions);
        toolbar.addClassName("list-toolbar");
        count.addClassName("list-count");
        add(toolbar, count, grid);
        countChanged();
    }

    private PriceListQuery query(List<QuerySortOrder> orders) {
        return new PriceListQuery(
                search.text(),
                withArchived.getValue(),
                PagedList.sort(orders, PriceListSort.class, PriceListSort.NAME));
    }

    private PriceListQuery currentQuery() {
        return new PriceListQuery(search.text(), withArchived.getValue(), Sort.ascending(PriceListSort.NAME));
    }

    private Span appliesTo(PriceListRow row) {
        Span text = new Span(
                row.isDefault()
                        ? getTranslation("sales.price-lists.applies.default")
                        : row.clientGroup() != null
                                ? getTranslation("sales.price-lists.applies.group", row.clientGroup())
                                : getTranslation("sales.price-lists.applies.clients"));
        if (row.isDefault()) {
            text.getElement().getThemeList().add("badge primary");
        }
        return text;
    }

    private Span status(PriceListRow row) {
        LocalDate today = LocalDate.now(Format.zone(getUI().orElseThrow()));
        String statusKey;
        String theme;
        if (row.archived()) {
            statusKey = "sales.price-lists.status.archived";
            theme = "badge contrast";
        } else if (row.validOn(today)) {
            statusKey = "sales.price-lists.status.valid";
            theme = "badge success";
        } else if (row.validFrom().isAfter(today)) {
            statusKey = "sales.price-lists.status.upcoming";
            theme = "badge";
        } else {
            statusKey = "sales.price-lists.status.expired";
            theme = "badge contrast";
        }
        Span badge = new Span(getTranslation(statusKey));
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private void countChanged() {
        CountEstimate estimate = priceLists.count(currentQuery());
        count.setText(getTranslation("sales.price-lists.count", Format.integer(estimate.value()), estimate.value()));
    }

    private void reload() {
        list.refresh();
        countChanged();
    }

    private void open(UUID priceListId) {
        getUI().ifPresent(ui -> ui.navigate(PriceListView.class, PriceListView.parameters(priceListId)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sales.price-lists.title");
    }
}
