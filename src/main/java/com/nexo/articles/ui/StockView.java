package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleQuery;
import com.nexo.articles.ArticleRow;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.ArticleService;
import com.nexo.articles.BalanceRow;
import com.nexo.articles.MovementRow;
import com.nexo.articles.StockEntry;
import com.nexo.articles.StockService;
import com.nexo.articles.Warehouse;
import com.nexo.articles.WarehouseService;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Stock of one article: on hand, reserved and available per warehouse, the movement history (lazy,
 * newest first), and receipts and issues for whoever may move stock.
 */
@Route("stock")
@RolesAllowed(ArticlePermissions.STOCK_READ)
@Menu(title = "menu.stock", order = 21, icon = "vaadin:stock")
public class StockView extends Main implements HasDynamicTitle {

    private final StockService stock;
    final ComboBox<ArticleRow> article = new ComboBox<>();
    final Grid<BalanceRow> balances = new Grid<>();
    final Grid<MovementRow> movements = new Grid<>();
    final ComboBox<Warehouse> warehouse = new ComboBox<>();
    final BigDecimalField quantity = new BigDecimalField();
    final TextField reason = new TextField();
    final Button receive = new Button();
    final Button issue = new Button();

    public StockView(StockService stock, ArticleService articles, WarehouseService warehouses) {
        this.stock = stock;
        addClassName("list-view");
        article.setLabel(getTranslation("stock.article"));
        article.setPlaceholder(getTranslation("articles.list.search"));
        article.setItemLabelGenerator(row -> row.code() + " · " + row.name(getLocale()));
        article.setItems(query -> articles
                .listArticles(ArticleQuery.matching(query.getFilter().orElse("")), query.getOffset(), query.getLimit())
                .stream());
        article.setWidth("min(36rem, 100%)");
        article.addValueChangeListener(event -> reload());

        balances.addColumn(BalanceRow::warehouseCode).setHeader(getTranslation("stock.warehouse"));
        balances.addColumn(row -> plain(row.onHand()))
                .setHeader(getTranslation("stock.on-hand"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> plain(row.reserved()))
                .setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> plain(row.available()))
                .setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END);
        balances.setAllRowsVisible(true);
        balances.setEmptyStateText(getTranslation("stock.no-stock"));

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Madrid"));
        movements.addColumn(row -> when.format(row.movedAt())).setHeader(getTranslation("stock.moved-at"));
        movements.addColumn(row -> movementType(row)).setHeader(getTranslation("stock.movement"));
        movements.addColumn(MovementRow::warehouseCode).setHeader(getTranslation("stock.warehouse"));
        movements
                .addColumn(row -> plain(row.quantity()))
                .setHeader(getTranslation("stock.quantity"))
                .setTextAlign(ColumnTextAlign.END);
        movements.addColumn(MovementRow::reason).setHeader(getTranslation("stock.reason"));
        movements
                .addColumn(row -> row.sourceRef() == null ? "" : row.sourceRef())
                .setHeader(getTranslation("stock.source"));
        movements.setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return article.getValue() == null
                    ? java.util.stream.Stream.empty()
                    : stock.movements(article.getValue().id(), null, offset, limit).stream();
        });
        movements.setEmptyStateText(getTranslation("stock.no-movements"));

        add(new H2(getTranslation("stock.title")), article, balances);
        if (CurrentUser.can(ArticlePermissions.STOCK_MOVE)) {
            List<Warehouse> active = warehouses.listWarehouses().stream()
                    .filter(Warehouse::isActive)
                    .toList();
            warehouse.setLabel(getTranslation("stock.warehouse"));
            warehouse.setItems(active);
            warehouse.setItemLabelGenerator(value -> value.getCode() + " · " + value.getName());
            if (!active.isEmpty()) {
                warehouse.setValue(active.getFirst());
            }
            quantity.setLabel(getTranslation("stock.quantity"));
            reason.setLabel(getTranslation("stock.reason"));
            receive.setText(getTranslation("stock.receive"));
            receive.setIcon(VaadinIcon.ARROW_DOWN.create());
            receive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            receive.addClickListener(event -> move(true));
            issue.setText(getTranslation("stock.issue"));
            issue.setIcon(VaadinIcon.ARROW_UP.create());
            issue.addClickListener(event -> move(false));
            Div entry = new Div(warehouse, quantity, reason, receive, issue);
            entry.addClassName("list-toolbar");
            add(entry);
        }
        add(new H3(getTranslation("stock.history")), movements);
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
        StockEntry entry =
                StockEntry.of(article.getValue().id(), warehouse.getValue().getId(), amount, reason.getValue());
        try {
            if (incoming) {
                stock.receive(entry);
            } else {
                stock.issue(entry);
            }
        } catch (ArticleRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        Notices.success(getTranslation("stock.moved"));
        quantity.clear();
        reason.clear();
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

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stock.title");
    }
}
