package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockArticle;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.LocationRow;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.Ids;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Stock of one article: on hand, reserved and available per warehouse, the movement history
 * ({@link StockHistory}), and, for whoever may move stock, receipts, issues, transfers and
 * adjustments ({@link StockEntryPanel}). Other screens link here with
 * {@code stock?article=<id>&warehouse=<id>}.
 */
@Route("stock")
@RolesAllowed(ArticlePermissions.STOCK_READ)
@Menu(title = "menu.stock", order = 21, icon = "vaadin:stock")
public class StockView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final String ARTICLE_PARAMETER = "article";
    static final String WAREHOUSE_PARAMETER = "warehouse";

    /** Matches an article picker offers at once: typing narrows them. */
    private static final int ARTICLE_CHOICES = 50;

    private final transient StockService stock;
    private final transient StockListService lists;
    private final StockHistory history;
    private final StockEntryPanel entry;

    final ComboBox<StockArticle> article = new ComboBox<>();
    final Grid<BalanceRow> balances = new Grid<>();
    final ComboBox<WarehouseRow> historyWarehouse;
    final Grid<MovementRow> movements;
    final ComboBox<WarehouseRow> warehouse;
    final ComboBox<LocationRow> location;
    final BigDecimalField quantity;
    final ComboBox<UnitRow> unit;
    final TextField reason;
    final TextField document;
    final Button receive;
    final Button issue;
    final Button transfer;
    final Button adjust;

    public StockView(StockService stock, StockListService lists, WarehouseService warehouses, UnitService unitService) {
        this.stock = stock;
        this.lists = lists;
        List<WarehouseRow> all = warehouses.warehouses();
        List<WarehouseRow> active = all.stream().filter(WarehouseRow::active).toList();
        addClassName("list-view");
        addClassName("stock-view");

        article.setLabel(getTranslation("stock.article"));
        article.setPlaceholder(getTranslation("articles.list.search"));
        article.setItemLabelGenerator(row -> row.label(getLocale()));
        // The first matches only (no count, no deep pages): typing more narrows the choice.
        article.setItems(query -> {
            String text = query.getFilter().orElse("");
            int offset = query.getOffset();
            int limit = query.getLimit();
            return offset >= ARTICLE_CHOICES
                    ? Stream.empty()
                    : lists.findArticles(text, ARTICLE_CHOICES).stream()
                            .skip(offset)
                            .limit(limit);
        });
        article.setWidth("min(36rem, 100%)");
        article.addValueChangeListener(event -> articleChanged());

        balances.addColumn(BalanceRow::warehouseCode).setHeader(getTranslation("stock.warehouse"));
        balances.addColumn(row -> StockFields.quantity(row.onHand(), row.unitDecimals()))
                .setHeader(getTranslation("stock.on-hand"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> StockFields.quantity(row.reserved(), row.unitDecimals()))
                .setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> StockFields.quantity(row.incoming(), row.unitDecimals()))
                .setKey("incoming")
                .setHeader(getTranslation("articles.stock.incoming"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> StockFields.quantity(row.available(), row.unitDecimals()))
                .setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(BalanceRow::unitCode).setHeader(getTranslation("stock.unit"));
        balances.setAllRowsVisible(true);
        balances.setEmptyStateText(
                all.isEmpty() ? getTranslation("stock.no-warehouses") : getTranslation("stock.choose-article"));

        history = new StockHistory(lists, all);
        balances.addItemClickListener(
                click -> history.showWarehouse(click.getItem().warehouseId()));
        historyWarehouse = history.warehouse;
        movements = history.grid;
        entry = new StockEntryPanel(stock, warehouses, active, unitService.units(), this::reload);
        warehouse = entry.warehouse;
        location = entry.location;
        quantity = entry.quantity;
        unit = entry.unit;
        reason = entry.reason;
        document = entry.document;
        receive = entry.receive;
        issue = entry.issue;
        transfer = entry.transfer;
        adjust = entry.adjust;

        RouterLink byWarehouse = new RouterLink(getTranslation("stock.by-warehouse"), WarehouseStockView.class);
        byWarehouse.addClassName("stock-switch");
        Div heading = new Div(new H2(getTranslation("stock.title")), byWarehouse);
        heading.addClassName("stock-heading");
        add(heading, article, balances);
        // The entry fields exist only for whoever may move stock, and where there is somewhere to move it.
        if (CurrentUser.can(ArticlePermissions.STOCK_MOVE) && !active.isEmpty()) {
            add(entry);
        }
        add(history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        uuid(parameters.get(WAREHOUSE_PARAMETER)).ifPresent(id -> {
            entry.chooseWarehouse(id);
            history.showWarehouse(id);
        });
        uuid(parameters.get(ARTICLE_PARAMETER)).flatMap(lists::article).ifPresent(article::setValue);
    }

    /** The link to this screen open on an article (and a warehouse, when not null). */
    static QueryParameters linkTo(UUID articleId, UUID warehouseId) {
        return warehouseId == null
                ? QueryParameters.of(ARTICLE_PARAMETER, articleId.toString())
                : QueryParameters.simple(
                        Map.of(ARTICLE_PARAMETER, articleId.toString(), WAREHOUSE_PARAMETER, warehouseId.toString()));
    }

    private static Optional<UUID> uuid(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Ids.parse(values.getFirst());
    }

    private void articleChanged() {
        entry.show(article.getValue());
        history.show(article.getValue());
        showBalances();
    }

    private void reload() {
        showBalances();
        history.refresh();
    }

    private void showBalances() {
        balances.setItems(
                article.getValue() == null
                        ? List.of()
                        : stock.balancesOfArticle(article.getValue().id()));
        if (article.getValue() != null) {
            balances.setEmptyStateText(getTranslation("stock.no-stock"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stock.title");
    }
}
