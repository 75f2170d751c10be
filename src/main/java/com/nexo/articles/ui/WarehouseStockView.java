package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockSort;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.paging.Sort;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.base.ui.QuickSearchField;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The stock held in one warehouse: every article with stock there, in code order, with on hand,
 * reserved and available, optionally narrowed by a text. A click opens the article's stock. Opened
 * on a warehouse with {@code stock/warehouse?warehouse=<id>}.
 */
@Route("stock/warehouse")
@RolesAllowed(ArticlePermissions.STOCK_READ)
@Menu(title = "menu.warehouse-stock", order = 21.05, icon = "vaadin:table")
public class WarehouseStockView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final PagedList<BalanceRow, Query> list;

    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    /** Says what to do when there is no warehouse to pick (a new organisation). */
    final Paragraph noWarehouses = new Paragraph();

    final QuickSearchField search;
    final Grid<BalanceRow> grid = new Grid<>();

    /** What the grid lists: the warehouse and the text, compared to know when the pages start over. */
    private record Query(UUID warehouseId, String text, Sort<StockSort> sort) {}

    public WarehouseStockView(StockListService stock, WarehouseService warehouses) {
        addClassName("list-view");
        addClassName("warehouse-stock-view");

        List<WarehouseRow> all = warehouses.warehouses();
        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setItems(all);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.setWidth("min(24rem, 100%)");
        all.stream().filter(WarehouseRow::active).findFirst().ifPresent(warehouse::setValue);
        warehouse.addValueChangeListener(event -> list().refresh());

        search = new QuickSearchField(getTranslation("stock.warehouse-stock.search"));
        search.addValueChangeListener(event -> list().refresh());

        grid.addComponentColumn(row -> GridCells.twoLines(row.articleName(getLocale()), row.articleCode()))
                .setHeader(getTranslation("stock.article"))
                .setSortProperty(StockSort.ARTICLE.name())
                .setFlexGrow(3);
        grid.addColumn(row -> StockFields.quantity(row.onHand(), row.unitDecimals()))
                .setHeader(getTranslation("stock.on-hand"))
                .setTextAlign(ColumnTextAlign.END);
        Grid.Column<BalanceRow> reserved = grid.addColumn(
                        row -> StockFields.quantity(row.reserved(), row.unitDecimals()))
                .setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END);
        Grid.Column<BalanceRow> incoming = grid.addColumn(
                        row -> StockFields.quantity(row.incoming(), row.unitDecimals()))
                .setKey("incoming")
                .setHeader(getTranslation("articles.stock.incoming"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(row -> StockFields.quantity(row.available(), row.unitDecimals()))
                .setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(BalanceRow::unitCode)
                .setHeader(getTranslation("stock.unit"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        // An upright tablet keeps article, on hand, available and unit in view.
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(reserved, incoming));
        grid.addClassName("list-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(
                all.isEmpty()
                        ? getTranslation("stock.warehouse-stock.no-warehouses")
                        : getTranslation("stock.warehouse-stock.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        // Keyset pages after the last article code, no count: deep pages of a large warehouse cost
        // what the first one does. With no warehouse chosen (or none at all) the page is empty.
        list = PagedList.bind(
                grid,
                orders -> new Query(
                        StockFields.idOf(warehouse.getValue()),
                        search.text(),
                        PagedList.sort(orders, StockSort.class, StockSort.ARTICLE)),
                (query, after, limit) ->
                        stock.warehouseStock(query.warehouseId(), query.text(), query.sort(), after, limit));
        grid.addItemClickListener(click -> open(click.getItem()));

        RouterLink byArticle = new RouterLink(getTranslation("stock.by-article"), StockView.class);
        byArticle.addClassName("stock-switch");
        Div heading = new Div(new H2(getTranslation("stock.warehouse-stock.title")), byArticle);
        heading.addClassName("stock-heading");
        Div toolbar = new Div(warehouse, search);
        toolbar.addClassName("list-toolbar");
        noWarehouses.addClassName("list-empty-hint");
        noWarehouses.setVisible(all.isEmpty());
        if (all.isEmpty()) {
            noWarehouses.setText(getTranslation("stock.warehouse-stock.no-warehouses"));
            warehouse.setEnabled(false);
            search.setEnabled(false);
        }
        add(heading, toolbar, noWarehouses, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values =
                event.getLocation().getQueryParameters().getParameters().get(StockView.WAREHOUSE_PARAMETER);
        if (values == null || values.isEmpty()) {
            return;
        }
        warehouse
                .getListDataView()
                .getItems()
                .filter(value -> value.id().toString().equals(values.getFirst()))
                .findFirst()
                .ifPresent(warehouse::setValue);
    }

    private PagedList<BalanceRow, Query> list() {
        return list;
    }

    void open(BalanceRow row) {
        getUI().ifPresent(ui -> ui.navigate(StockView.class, StockView.linkTo(row.articleId(), row.warehouseId())));
    }

    static QueryParameters linkTo(UUID warehouseId) {
        return QueryParameters.of(StockView.WAREHOUSE_PARAMETER, warehouseId.toString());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stock.warehouse-stock.title");
    }
}
