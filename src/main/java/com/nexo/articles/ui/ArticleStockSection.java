package com.nexo.articles.ui;

import com.nexo.articles.pages.ArticlePage;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.ui.DetailSections;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.GridCells;
import com.nexo.base.ui.KeysetPaging;
import com.nexo.base.ui.NarrowScreens;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The stock of an article's page: on hand per warehouse and the movements, newest first. The first
 * movements come with the page's read; scrolling further reads on from the stock service.
 */
final class ArticleStockSection extends Div {

    private final transient StockService stock;
    private final transient StockListService stockLists;
    /** Where the pages after the first one start, for the movement list. */
    private final KeysetPaging<MovementRow, PageCursor> laterPages = new KeysetPaging<>();

    final Grid<BalanceRow> balances = new Grid<>();
    final Grid<MovementRow> movements = new Grid<>();
    private final RouterLink toStockScreen = new RouterLink();
    private final Section section;
    private transient ArticlePage page;
    /** Names of the users who moved stock, filled page by page as the history is scrolled. */
    private final Map<UUID, String> movers = new HashMap<>();

    ArticleStockSection(StockService stock, StockListService stockLists) {
        this.stock = stock;
        this.stockLists = stockLists;
        configureBalances();
        configureMovements();
        toStockScreen.setText(getTranslation("articles.detail.move-stock"));
        toStockScreen.setRoute(StockView.class);
        toStockScreen.addClassName("detail-link");
        toStockScreen.setId("article-stock-link");
        H3 movementsTitle = new H3(getTranslation("stock.history"));
        section = DetailSections.section(
                getTranslation("articles.detail.stock"), balances, toStockScreen, movementsTitle, movements);
        section.addClassName("article-stock");
        add(section);
        setVisible(false);
    }

    void show(ArticlePage shown) {
        this.page = shown;
        setVisible(shown.stockShown());
        if (!shown.stockShown()) {
            return;
        }
        balances.setItems(shown.balances());
        toStockScreen.setQueryParameters(
                QueryParameters.of("article", shown.id().toString()));
        movers.clear();
        movers.putAll(shown.movedBy());
        laterPages.reset();
        movements.getDataProvider().refreshAll();
    }

    private void configureBalances() {
        balances.addClassName("article-balances");
        balances.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        balances.setAllRowsVisible(true);
        balances.addColumn(BalanceRow::warehouseCode).setKey("warehouse").setHeader(getTranslation("stock.warehouse"));
        balances.addColumn(row -> quantity(row.onHand()))
                .setKey("on-hand")
                .setHeader(getTranslation("stock.on-hand"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> quantity(row.reserved()))
                .setKey("reserved")
                .setHeader(getTranslation("stock.reserved"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> quantity(row.incoming()))
                .setKey("incoming")
                .setHeader(getTranslation("articles.stock.incoming"))
                .setTextAlign(ColumnTextAlign.END);
        balances.addColumn(row -> quantity(row.available()))
                .setKey("available")
                .setHeader(getTranslation("stock.available"))
                .setTextAlign(ColumnTextAlign.END);
        balances.setEmptyStateText(getTranslation("stock.no-stock"));
        balances.setSelectionMode(Grid.SelectionMode.NONE);
    }

    private void configureMovements() {
        movements.addClassName("article-movements");
        movements.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        movements.setHeight("24rem");
        movements
                .addColumn(row -> Format.dateTime(row.movedAt()))
                .setKey("moved-at")
                .setHeader(getTranslation("stock.moved-at"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        movements
                .addComponentColumn(
                        row -> GridCells.twoLines(MovementLabels.type(this, row.type()), row.warehouseCode()))
                .setKey("type")
                .setHeader(getTranslation("stock.movement"))
                .setAutoWidth(true);
        movements
                .addComponentColumn(this::movedQuantity)
                .setKey("quantity")
                .setHeader(getTranslation("stock.quantity"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<MovementRow> reason = movements
                .addColumn(row -> row.reason() == null ? "" : row.reason())
                .setKey("reason")
                .setHeader(getTranslation("stock.reason"))
                .setWidth("12rem")
                .setFlexGrow(2);
        Grid.Column<MovementRow> user = movements
                .addColumn(row -> row.userId() == null ? "" : movers.getOrDefault(row.userId(), ""))
                .setKey("user")
                .setHeader(getTranslation("articles.detail.moved-by"))
                .setFlexGrow(1);
        Grid.Column<MovementRow> source = movements
                .addColumn(row -> row.sourceRef() == null ? "" : row.sourceRef())
                .setKey("source")
                .setHeader(getTranslation("stock.source"))
                .setFlexGrow(1);
        NarrowScreens.hideColumnsBelow(movements, 1000, List.of(user, source));
        NarrowScreens.hideColumnsBelow(movements, 700, List.of(reason));
        movements.setItems(query -> rows(query.getOffset(), query.getLimit()));
        movements.setEmptyStateText(getTranslation("stock.no-movements"));
        movements.setSelectionMode(Grid.SelectionMode.NONE);
    }

    /**
     * Rows of the movement list: the first page came with the page's read; later ones are read by key
     * after it, as the list is scrolled.
     */
    private Stream<MovementRow> rows(int offset, int limit) {
        if (page == null || !page.stockShown()) {
            return Stream.empty();
        }
        Page<MovementRow> first = page.movements();
        int firstSize = first.rows().size();
        List<MovementRow> rows =
                new ArrayList<>(first.rows().stream().skip(offset).limit(limit).toList());
        int end = offset + limit;
        if (end > firstSize && first.hasMore()) {
            int from = Math.max(offset, firstSize) - firstSize;
            UUID articleId = page.id();
            List<MovementRow> later = laterPages.rows(articleId, from, end - firstSize - from, (cursor, wanted) -> {
                Page<MovementRow> read =
                        stockLists.movements(articleId, null, cursor == null ? first.next() : cursor, wanted);
                return new KeysetPaging.Page<>(read.rows(), read.next());
            });
            List<UUID> unknown = later.stream()
                    .map(MovementRow::userId)
                    .filter(userId -> userId != null && !movers.containsKey(userId))
                    .distinct()
                    .toList();
            if (!unknown.isEmpty()) {
                movers.putAll(stock.movedBy(unknown));
            }
            rows.addAll(later);
        }
        return rows.stream();
    }

    /** The signed quantity in the article's unit, and what was entered when it was another unit. */
    private Component movedQuantity(MovementRow row) {
        String main = quantity(row.quantity());
        String unitCode =
                page == null || page.unit() == null ? null : page.unit().code();
        String entered = row.enteredUnitCode() == null
                        || unitCode == null
                        || row.enteredUnitCode().equals(unitCode)
                ? null
                : Format.quantity(row.enteredQuantity(), 6) + " " + row.enteredUnitCode();
        return GridCells.twoLines(main, entered);
    }

    private String quantity(BigDecimal value) {
        if (page == null || page.unit() == null) {
            return Format.quantity(value, 6);
        }
        return Format.quantity(value, 6) + " " + page.unit().code();
    }
}
