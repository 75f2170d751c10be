package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseLocation;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.Ids;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.base.ui.Notices;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Stock of one article: on hand, reserved and available per warehouse, the movement history (lazy,
 * newest first, in all warehouses or one), and, for whoever may move stock, receipts, issues,
 * transfers between warehouses and adjustments. Other screens link here with
 * {@code stock?article=<id>&warehouse=<id>}.
 */
@Route("stock")
@RolesAllowed(ArticlePermissions.STOCK_READ)
@Menu(title = "menu.stock", order = 21, icon = "vaadin:stock")
public class StockView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    static final String ARTICLE_PARAMETER = "article";
    static final String WAREHOUSE_PARAMETER = "warehouse";

    private final transient StockService stock;
    private final transient WarehouseService warehouses;
    private final transient List<UnitOfMeasure> units;
    private final List<Warehouse> all;
    private final List<Warehouse> active;
    private final boolean movable = CurrentUser.can(ArticlePermissions.STOCK_MOVE);

    final ComboBox<ArticleRow> article = new ComboBox<>();
    final Grid<BalanceRow> balances = new Grid<>();
    final ComboBox<Warehouse> historyWarehouse = new ComboBox<>();
    final Grid<MovementRow> movements = new Grid<>();
    final ComboBox<Warehouse> warehouse = new ComboBox<>();
    final ComboBox<WarehouseLocation> location = new ComboBox<>();
    final BigDecimalField quantity = new BigDecimalField();
    final ComboBox<UnitOfMeasure> unit = new ComboBox<>();
    final TextField reason = new TextField();
    final TextField document = new TextField();
    final Button receive = new Button();
    final Button issue = new Button();
    final Button transfer = new Button();
    final Button adjust = new Button();

    public StockView(
            StockService stock, ArticleService articles, WarehouseService warehouses, UnitService unitService) {
        this.stock = stock;
        this.warehouses = warehouses;
        this.units = unitService.listUnits();
        this.all = warehouses.listWarehouses();
        this.active = all.stream().filter(Warehouse::isActive).toList();
        addClassName("list-view");
        addClassName("stock-view");

        article.setLabel(getTranslation("stock.article"));
        article.setPlaceholder(getTranslation("articles.list.search"));
        article.setItemLabelGenerator(row -> row.code() + " · " + row.name(getLocale()));
        article.setItems(query -> articles
                .listArticles(ArticleQuery.matching(query.getFilter().orElse("")), query.getOffset(), query.getLimit())
                .stream());
        article.setWidth("min(36rem, 100%)");
        article.addValueChangeListener(event -> articleChanged());

        balances.addColumn(BalanceRow::warehouseCode).setHeader(getTranslation("stock.warehouse"));
        balances.addColumn(row -> StockFields.plain(row.onHand()))
                .setHeader(getTranslation("stock.on-hand"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> StockFields.plain(row.reserved()))
                .setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> StockFields.plain(row.available()))
                .setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(BalanceRow::unitCode).setHeader(getTranslation("stock.unit"));
        balances.setAllRowsVisible(true);
        balances.setEmptyStateText(getTranslation("stock.no-stock"));
        balances.addItemClickListener(click -> showHistoryOf(click.getItem().warehouseId()));

        buildHistory();

        RouterLink byWarehouse = new RouterLink(getTranslation("stock.by-warehouse"), WarehouseStockView.class);
        byWarehouse.addClassName("stock-switch");
        Div heading = new Div(new H2(getTranslation("stock.title")), byWarehouse);
        heading.addClassName("stock-heading");
        add(heading, article, balances);
        if (movable) {
            add(buildEntry());
        }
        Div historyHeading = new Div(new H3(getTranslation("stock.history")), historyWarehouse);
        historyHeading.addClassName("stock-heading");
        add(historyHeading, movements);
    }

    private void buildHistory() {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Madrid"));
        movements.addColumn(row -> when.format(row.movedAt())).setHeader(getTranslation("stock.moved-at"));
        movements.addColumn(this::movementType).setHeader(getTranslation("stock.movement"));
        movements.addColumn(MovementRow::warehouseCode).setHeader(getTranslation("stock.warehouse"));
        movements
                .addColumn(row -> StockFields.plain(row.quantity()))
                .setHeader(getTranslation("stock.quantity"))
                .setTextAlign(ColumnTextAlign.END);
        Grid.Column<MovementRow> entered = movements
                .addColumn(row -> StockFields.plain(row.enteredQuantity()) + " " + row.enteredUnitCode())
                .setHeader(getTranslation("stock.entered"))
                .setTextAlign(ColumnTextAlign.END);
        movements.addColumn(MovementRow::reason).setHeader(getTranslation("stock.reason"));
        Grid.Column<MovementRow> source = movements
                .addColumn(row -> row.sourceRef() == null ? "" : row.sourceRef())
                .setHeader(getTranslation("stock.source"));
        NarrowScreens.hideColumnsBelow(movements, 900, List.of(entered, source));
        movements.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            UUID inWarehouse = historyWarehouse.getValue() == null
                    ? null
                    : historyWarehouse.getValue().getId();
            return article.getValue() == null
                    ? Stream.empty()
                    : stock.movements(article.getValue().id(), inWarehouse, offset, limit).stream();
        });
        movements.setEmptyStateText(getTranslation("stock.no-movements"));

        historyWarehouse.setPlaceholder(getTranslation("stock.all-warehouses"));
        historyWarehouse.setAriaLabel(getTranslation("stock.history-warehouse"));
        historyWarehouse.setItems(all);
        historyWarehouse.setItemLabelGenerator(StockFields::warehouse);
        historyWarehouse.setClearButtonVisible(true);
        historyWarehouse.addValueChangeListener(
                event -> movements.getDataProvider().refreshAll());
    }

    private Div buildEntry() {
        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setItems(active);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.addValueChangeListener(event -> offerLocations());
        location.setLabel(getTranslation("stock.location"));
        location.setItemLabelGenerator(StockFields::location);
        location.setClearButtonVisible(true);
        location.setVisible(false);
        if (!active.isEmpty()) {
            warehouse.setValue(active.getFirst());
        }
        quantity.setLabel(getTranslation("stock.quantity"));
        unit.setLabel(getTranslation("stock.unit"));
        unit.setItemLabelGenerator(value -> StockFields.unit(getLocale(), value));
        unit.setWidth("10rem");
        reason.setLabel(getTranslation("stock.reason"));
        document.setLabel(getTranslation("stock.document"));
        document.setMaxLength(80);
        receive.setText(getTranslation("stock.receive"));
        receive.setIcon(VaadinIcon.ARROW_DOWN.create());
        receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        receive.addClickListener(event -> move(true));
        issue.setText(getTranslation("stock.issue"));
        issue.setIcon(VaadinIcon.ARROW_UP.create());
        issue.addClickListener(event -> move(false));
        transfer.setText(getTranslation("stock.transfer"));
        transfer.setIcon(VaadinIcon.EXCHANGE.create());
        transfer.addClickListener(event -> openTransfer());
        adjust.setText(getTranslation("stock.adjust"));
        adjust.setIcon(VaadinIcon.SCALE.create());
        adjust.addClickListener(event -> openAdjustment());

        Div fields = new Div(warehouse, location, quantity, unit, reason, document);
        fields.addClassName("stock-entry-fields");
        Div actions = new Div(receive, issue, transfer, adjust);
        actions.addClassName("list-actions");
        Div entry = new Div(fields, actions);
        entry.addClassName("list-toolbar");
        entry.addClassName("stock-entry");
        return entry;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters =
                event.getLocation().getQueryParameters().getParameters();
        Optional<UUID> inWarehouse = uuid(parameters.get(WAREHOUSE_PARAMETER));
        inWarehouse.ifPresent(id -> {
            // The entry fields exist only for whoever may move stock.
            active.stream()
                    .filter(value -> movable)
                    .filter(value -> value.getId().equals(id))
                    .findFirst()
                    .ifPresent(warehouse::setValue);
            showHistoryOf(id);
        });
        uuid(parameters.get(ARTICLE_PARAMETER)).flatMap(stock::stockArticle).ifPresent(article::setValue);
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

    private void showHistoryOf(UUID warehouseId) {
        all.stream()
                .filter(value -> value.getId().equals(warehouseId))
                .findFirst()
                .ifPresent(historyWarehouse::setValue);
    }

    private void offerLocations() {
        List<WarehouseLocation> places = warehouse.getValue() == null
                ? List.of()
                : warehouses.listLocations(warehouse.getValue().getId());
        location.setItems(places);
        location.setVisible(!places.isEmpty());
    }

    void move(boolean incoming) {
        if (article.getValue() == null || warehouse.getValue() == null) {
            Notices.error(getTranslation("stock.error.article-and-warehouse-required"));
            return;
        }
        BigDecimal amount = quantity.getValue();
        if (amount == null || amount.signum() <= 0) {
            quantity.setInvalid(true);
            quantity.setErrorMessage(getTranslation("stock.error.quantity-positive"));
            return;
        }
        quantity.setInvalid(false);
        String reference = document.getValue().strip();
        StockEntry entry = new StockEntry(
                article.getValue().id(),
                warehouse.getValue().getId(),
                StockFields.idOf(location.getValue()),
                amount,
                StockFields.idOf(unit.getValue()),
                null,
                reason.getValue(),
                reference.isEmpty() ? null : StockFields.MANUAL_SOURCE,
                reference.isEmpty() ? null : reference);
        try {
            if (incoming) {
                stock.receive(entry);
            } else {
                stock.issue(entry);
            }
        } catch (ArticleRuleException e) {
            StockFields.show(this, e);
            return;
        }
        Notices.success(getTranslation("stock.moved"));
        quantity.clear();
        reason.clear();
        document.clear();
        reload();
    }

    private void openTransfer() {
        if (article.getValue() == null) {
            Notices.error(getTranslation("stock.error.article-required"));
            return;
        }
        new StockTransferDialog(stock, article.getValue(), active, warehouse.getValue(), units, this::reload).open();
    }

    private void openAdjustment() {
        if (article.getValue() == null) {
            Notices.error(getTranslation("stock.error.article-required"));
            return;
        }
        new StockAdjustmentDialog(
                        stock, warehouses, article.getValue(), active, warehouse.getValue(), units, this::reload)
                .open();
    }

    private void articleChanged() {
        StockFields.offerUnits(unit, article.getValue(), units);
        reload();
    }

    private void reload() {
        balances.setItems(
                article.getValue() == null
                        ? List.of()
                        : stock.balancesOfArticle(article.getValue().id()));
        movements.getDataProvider().refreshAll();
    }

    private String movementType(MovementRow row) {
        return switch (row.type()) {
            case RECEIPT -> getTranslation("stock.type.receipt");
            case ISSUE -> getTranslation("stock.type.issue");
            case TRANSFER_IN -> getTranslation("stock.type.transfer-in");
            case TRANSFER_OUT -> getTranslation("stock.type.transfer-out");
            case ADJUSTMENT -> getTranslation("stock.type.adjustment");
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stock.title");
    }
}
