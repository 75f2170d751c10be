package com.nexo.articles.ui;

import com.nexo.accounts.AccountPermissions;
import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.replenishment.ReplenishmentOrdering;
import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.ui.DownloadLink;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.PagedList;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What is below its minimum, per article and warehouse, with the quantity to order up to the
 * maximum and the default supplier: a lazy list read by key (each page reads about its own rows),
 * a count, CSV export for whoever may read it, and the levels dialog for whoever configures stock.
 * What is already on order (incoming) counts as stock to come. When the purchasing module is there
 * ({@link ReplenishmentOrdering}) and the user may create purchase orders, a button turns the list
 * (of the chosen warehouse, or of all) into draft orders, one per default supplier.
 */
@Route("stock/replenishment")
@RolesAllowed(ArticlePermissions.STOCK_READ)
@Menu(title = "menu.replenishment", order = 21.2, icon = "vaadin:cart")
public class ReplenishmentView extends Main implements HasDynamicTitle {

    /** What the list shows: one warehouse, or all of them (null). */
    private record Filter(UUID warehouseId) {}

    private final transient ReplenishmentService replenishment;
    private final transient ArticleService articles;
    private final List<WarehouseRow> warehouseList;
    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    final Span count = new Span();
    final Grid<ReplenishmentRow> grid = new Grid<>();
    final Button setLevels = new Button();
    final Button createOrders = new Button();
    /** What the last "create purchase orders" made, with a link to the orders. */
    final Div ordersResult = new Div();

    private final transient ReplenishmentOrdering ordering;
    private PagedList<ReplenishmentRow, Filter> list;
    /** What an export writes: the download runs on its own request, outside this UI's lock. */
    private volatile UUID exportWarehouse;
    /** The reader's time zone, taken on this UI's thread for the download's request. */
    private volatile ZoneId exportZone = ZoneId.systemDefault();

    private final Locale exportLocale;
    private final List<String> exportHeaders;

    public ReplenishmentView(
            ReplenishmentService replenishment,
            ArticleService articles,
            WarehouseService warehouses,
            ObjectProvider<ReplenishmentOrdering> ordering) {
        this.replenishment = replenishment;
        this.ordering = ordering.getIfAvailable();
        this.articles = articles;
        this.warehouseList = warehouses.warehouses();
        addClassNames("list-view", "replenishment-view");

        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setPlaceholder(getTranslation("replenishment.all-warehouses"));
        warehouse.setItems(warehouseList);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.setClearButtonVisible(true);
        warehouse.setWidth("min(18rem, 100%)");
        warehouse.addValueChangeListener(change -> reload());

        Div actions = new Div();
        actions.addClassName("list-actions");
        exportLocale = getLocale();
        exportHeaders = List.of(
                getTranslation("replenishment.csv.article-code"),
                getTranslation("replenishment.csv.article-name"),
                getTranslation("replenishment.csv.warehouse"),
                getTranslation("replenishment.csv.unit"),
                getTranslation("replenishment.csv.on-hand"),
                getTranslation("replenishment.csv.reserved"),
                getTranslation("replenishment.csv.available"),
                getTranslation("articles.replenishment.csv.incoming"),
                getTranslation("replenishment.csv.minimum"),
                getTranslation("replenishment.csv.maximum"),
                getTranslation("replenishment.csv.to-order"),
                getTranslation("replenishment.csv.supplier"));
        // Exporting needs no permission of its own: the file holds what this list shows.
        DownloadLink export = new DownloadLink(
                getTranslation("replenishment.export"),
                getTranslation("replenishment.export-file") + ".csv",
                "text/csv; charset=UTF-8",
                out -> replenishment.exportCsv(exportWarehouse, exportHeaders, exportLocale, exportZone, out));
        export.addClassName("export-link");
        actions.add(export);
        if (CurrentUser.can(ArticlePermissions.STOCK_CONFIGURE)) {
            setLevels.setText(getTranslation("replenishment.set-levels"));
            setLevels.setIcon(VaadinIcon.SLIDERS.create());
            setLevels.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            setLevels.addClickListener(click -> openLevels(null));
            actions.add(setLevels);
        }
        if (this.ordering != null && this.ordering.allowed()) {
            createOrders.setText(getTranslation("articles.replenishment.create-orders"));
            createOrders.setIcon(VaadinIcon.CART.create());
            createOrders.addClickListener(click -> createOrders());
            actions.add(createOrders);
        }
        Div toolbar = new Div(warehouse, actions);
        toolbar.addClassName("list-toolbar");

        count.addClassName("list-count");
        configureGrid();
        ordersResult.addClassName("replenishment-orders-result");
        ordersResult.setVisible(false);
        add(new H2(getTranslation("replenishment.title")), toolbar, count, ordersResult, grid);
        setSizeFull();
        reload();
    }

    private void configureGrid() {
        grid.addClassName("list-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(row -> GridCells.twoLines(row.articleCode(), row.articleName(getLocale())))
                .setKey("article")
                .setHeader(getTranslation("replenishment.column.article"))
                .setWidth("10rem")
                .setFlexGrow(3);
        grid.addColumn(ReplenishmentRow::warehouseCode)
                .setKey("warehouse")
                .setHeader(getTranslation("stock.warehouse"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<ReplenishmentRow> onHand = quantityColumn("on-hand", "stock.on-hand", ReplenishmentRow::onHand);
        Grid.Column<ReplenishmentRow> reserved =
                quantityColumn("reserved", "stock.reserved", ReplenishmentRow::reserved);
        quantityColumn("available", "stock.available", ReplenishmentRow::available);
        String incomingKey = "replenishment.column.incoming"; // shorter than the stock screens' header
        Grid.Column<ReplenishmentRow> incoming = quantityColumn("incoming", incomingKey, ReplenishmentRow::incoming);
        quantityColumn("minimum", "replenishment.column.minimum", ReplenishmentRow::minimum);
        Grid.Column<ReplenishmentRow> maximum =
                quantityColumn("maximum", "replenishment.column.maximum", ReplenishmentRow::maximum);
        grid.addComponentColumn(this::toOrder)
                .setKey("to-order")
                .setHeader(getTranslation("replenishment.column.to-order"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::supplier)
                .setKey("supplier")
                .setHeader(getTranslation("replenishment.column.supplier"))
                .setWidth("9rem")
                .setFlexGrow(2);
        // Available is what the minimum is compared with; on hand, reserved (what it is made of) and the
        // maximum (what "to order" fills up to) need a wide screen; a laptop (1280 px beside the menu)
        // adds what is incoming, and a tablet held upright keeps article, warehouse, available,
        // minimum, to order and supplier.
        NarrowScreens.hideColumnsBelow(grid, 1400, List.of(onHand, reserved, maximum));
        NarrowScreens.hideColumnsBelow(grid, 1100, List.of(incoming));
        grid.setEmptyStateText(
                warehouseList.isEmpty()
                        ? getTranslation("replenishment.no-warehouses")
                        : getTranslation("replenishment.empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        list = PagedList.bind(
                grid,
                orders -> currentFilter(),
                (filter, after, limit) -> replenishment.page(filter.warehouseId(), after, limit));
        if (CurrentUser.can(ArticlePermissions.STOCK_CONFIGURE)) {
            grid.addClassName("clickable-rows");
            grid.addItemClickListener(click -> openLevels(click.getItem()));
        }
    }

    private Grid.Column<ReplenishmentRow> quantityColumn(
            String key, String header, java.util.function.Function<ReplenishmentRow, BigDecimal> value) {
        return grid.addColumn(row -> StockFields.quantity(value.apply(row), row.unitDecimals()))
                .setKey(key)
                .setHeader(getTranslation(header))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    private Component toOrder(ReplenishmentRow row) {
        Span quantity = new Span(StockFields.quantity(row.toOrder(), row.unitDecimals()) + " " + row.unitCode());
        quantity.addClassName("to-order");
        return quantity;
    }

    /** The supplier's name, a link to its account for whoever may read accounts. */
    private Component supplier(ReplenishmentRow row) {
        if (row.defaultSupplierId() == null) {
            Span none = new Span(getTranslation("replenishment.no-supplier"));
            none.addClassName("no-supplier");
            return none;
        }
        String name = row.supplierName() == null ? "" : row.supplierName();
        if (CurrentUser.can(AccountPermissions.READ)) {
            Anchor link = new Anchor("accounts/" + row.defaultSupplierId(), name);
            link.getElement().setAttribute("router-link", true);
            return link;
        }
        return new Span(name);
    }

    /** Draft purchase orders of what the list shows, then the list again (without what is now on order). */
    private void createOrders() {
        ReplenishmentOrdering.Summary summary =
                ordering.createPurchaseOrders(currentFilter().warehouseId(), null);
        Span text = new Span(getTranslation(
                "articles.replenishment.orders-created",
                Format.integer(summary.orders()),
                Format.integer(summary.lines()),
                Format.integer(summary.skippedWithoutSupplier())));
        Anchor link =
                new Anchor(ReplenishmentOrdering.ORDERS_PATH, getTranslation("articles.replenishment.orders-link"));
        link.getElement().setAttribute("router-link", true);
        ordersResult.removeAll();
        ordersResult.add(text, new Span(" "), link);
        ordersResult.setVisible(true);
        reload();
    }

    private void openLevels(ReplenishmentRow row) {
        new ReplenishmentLevelsDialog(replenishment, articles, warehouseList, row, this::reload).open();
    }

    Filter currentFilter() {
        return new Filter(StockFields.idOf(warehouse.getValue()));
    }

    void reload() {
        Filter filter = currentFilter();
        exportWarehouse = filter.warehouseId();
        exportZone = Format.zone(UI.getCurrent());
        list.refresh();
        long rows = replenishment.countBelowMinimum(filter.warehouseId());
        count.setText(
                rows > ReplenishmentService.COUNT_CAP
                        ? getTranslation("replenishment.count-more", Format.integer(ReplenishmentService.COUNT_CAP))
                        : getTranslation("replenishment.count", Format.integer(rows)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("replenishment.title");
    }
}
