package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.counts.CountListService;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.counts.StockCountSummary;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.base.ui.PagedList;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The stock counts of a warehouse (or of all), newest first, and the way to start one: a count opens
 * on its entry screen, where quantities are entered, reviewed and posted.
 */
@Route("stock/counts")
@RolesAllowed(ArticlePermissions.STOCK_COUNT)
@Menu(title = "menu.stock-counts", order = 21.1, icon = "vaadin:clipboard-check")
public class StockCountsView extends Main implements HasDynamicTitle {

    private final transient StockCountService counts;
    private final transient CategoryService categories;
    private final transient CountListService lists;
    private final List<WarehouseRow> warehouses;
    private PagedList<StockCountSummary, Filter> list;
    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();

    /** What the list shows: the counts of one warehouse, or of all (null). */
    private record Filter(UUID warehouseId) {}

    final Button start = new Button();
    final Grid<StockCountSummary> grid = new Grid<>();

    public StockCountsView(
            StockCountService counts,
            CountListService lists,
            CategoryService categories,
            WarehouseService warehouseService) {
        this.counts = counts;
        this.lists = lists;
        this.categories = categories;
        this.warehouses = warehouseService.activeWarehouses();
        addClassNames("list-view", "stock-counts-view");

        warehouse.setAriaLabel(getTranslation("stock.count.column.warehouse"));
        warehouse.setPlaceholder(getTranslation("stock.count.list.all-warehouses"));
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.setClearButtonVisible(true);
        warehouse.addValueChangeListener(change -> list.refresh());

        start.setText(getTranslation("stock.count.list.start"));
        start.setIcon(VaadinIcon.PLUS.create());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> openStartDialog());
        start.setEnabled(!warehouses.isEmpty());
        Div actions = new Div(start);
        actions.addClassName("list-actions");
        Div toolbar = new Div(warehouse, actions);
        toolbar.addClassName("list-toolbar");

        configureGrid();
        add(new H2(getTranslation("stock.count.list.title")), toolbar, grid);
    }

    private void configureGrid() {
        grid.addClassNames("list-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(row -> GridCells.twoLines(Format.dateTime(row.startedAt()), row.startedByName()))
                .setKey("started")
                .setHeader(getTranslation("stock.count.column.started"))
                .setWidth("11rem")
                .setFlexGrow(1);
        grid.addColumn(StockCountSummary::warehouseCode)
                .setKey("warehouse")
                .setHeader(getTranslation("stock.count.column.warehouse"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> StockCountLabels.scope(this, row, getLocale()))
                .setKey("scope")
                .setHeader(getTranslation("stock.count.column.scope"))
                .setWidth("10rem")
                .setFlexGrow(2);
        grid.addComponentColumn(row -> StockCountLabels.status(this, row.status()))
                .setKey("status")
                .setHeader(getTranslation("stock.count.column.status"))
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(row -> getTranslation(
                        "stock.count.progress", Format.integer(row.counted()), Format.integer(row.lines())))
                .setKey("progress")
                .setHeader(getTranslation("stock.count.column.progress"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<StockCountSummary> differences = grid.addColumn(row -> Format.integer(row.differences()))
                .setKey("differences")
                .setHeader(getTranslation("stock.count.column.differences"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        // A tablet held upright keeps when, where, what, status and progress.
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(differences));
        grid.setEmptyStateText(
                warehouses.isEmpty()
                        ? getTranslation("stock.count.list.no-warehouses")
                        : getTranslation("stock.count.list.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        list = PagedList.bind(
                grid,
                orders -> new Filter(StockFields.idOf(warehouse.getValue())),
                (filter, after, limit) -> lists.counts(filter.warehouseId(), after, limit));
        grid.addItemClickListener(click -> open(click.getItem().id()));
    }

    void openStartDialog() {
        new StartCountDialog(counts, categories, warehouses, warehouse.getValue(), countId -> {
                    lists.count(countId)
                            .ifPresent(
                                    started -> Notices.success(getTranslation("stock.count.started", started.lines())));
                    open(countId);
                })
                .open();
    }

    private void open(UUID countId) {
        getUI().ifPresent(ui -> ui.navigate(StockCountView.class, StockCountView.parameters(countId)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stock.count.list.title");
    }
}
