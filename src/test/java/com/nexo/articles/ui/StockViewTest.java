package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.MovementType;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.StockSort;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.Sort;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The stock screens: one article's stock with its movements, and the stock of one warehouse. */
class StockViewTest extends KaribuTest {

    @Autowired
    private ArticleService articles;

    @Autowired
    private UnitService units;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private StockService stock;

    @Autowired
    private StockListService lists;

    private String tag;
    private UUID articleId;
    private String articleCode;
    private UUID first;
    private UUID second;
    private String firstCode;
    private String secondCode;

    /** An article with 10 units in a first warehouse, and an empty second one; neither allows negative stock. */
    @BeforeEach
    void tenUnitsInTheFirstOfTwoWarehouses() {
        login("admin@demo.nexo");
        tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36)
                .toUpperCase();
        firstCode = "A" + tag;
        secondCode = "B" + tag;
        first = warehouses.createWarehouse(new WarehouseForm(firstCode, "Primero " + tag, null, false, true));
        second = warehouses.createWarehouse(new WarehouseForm(secondCode, "Segundo " + tag, null, false, true));
        articleCode = "SV-" + tag;
        articleId = articles.createArticle(form(articleCode, "Junta tórica " + tag));
        stock.receive(StockEntry.of(articleId, first, new BigDecimal("10"), "Inicial"));
    }

    private ArticleForm form(String code, String name) {
        return new ArticleForm(
                code,
                ArticleKind.GOODS,
                name,
                "O-ring " + code,
                null,
                null,
                null,
                unit("ud").id(),
                null,
                BigDecimal.ONE,
                BigDecimal.ONE,
                new BigDecimal("21"),
                null,
                true);
    }

    private UnitRow unit(String code) {
        return units.units().stream()
                .filter(unit -> unit.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private StockView openStock() {
        UI.getCurrent().navigate(StockView.class, StockView.linkTo(articleId, first));
        return _get(StockView.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> onHandByWarehouse(StockView view) {
        List<BalanceRow> rows = GridKt._fetch(view.balances, 0, 50);
        return rows.stream()
                .collect(Collectors.toMap(BalanceRow::warehouseCode, row -> MovementLabels.plain(row.onHand())));
    }

    @SuppressWarnings("unchecked")
    private static List<MovementRow> history(StockView view) {
        return GridKt._fetch(view.movements, 0, 50);
    }

    @Test
    void a_link_opens_the_screen_on_the_article_and_the_history_of_the_warehouse() {
        StockView view = openStock();

        assertThat(view.article.getValue().id()).isEqualTo(articleId);
        assertThat(view.warehouse.getValue().id()).isEqualTo(first);
        assertThat(view.historyWarehouse.getValue().id()).isEqualTo(first);
        assertThat(onHandByWarehouse(view)).containsExactlyEntriesOf(Map.of(firstCode, "10"));
        assertThat(history(view)).extracting(MovementRow::type).containsExactly(MovementType.RECEIPT);
    }

    @Test
    void a_transfer_moves_stock_between_warehouses_and_both_balances_show_it() {
        StockView view = openStock();
        _click(view.transfer);
        StockTransferDialog dialog = _get(StockTransferDialog.class);
        assertThat(dialog.from.getValue().id()).isEqualTo(first);
        dialog.to.setValue(dialog.to
                .getListDataView()
                .getItems()
                .filter(value -> value.id().equals(second))
                .findFirst()
                .orElseThrow());
        dialog.quantity.setValue(new BigDecimal("4"));
        dialog.reason.setValue("Reparto");
        dialog.document.setValue("TR-" + tag);

        _click(dialog.save);

        expectNotifications("Traspasados 4 ud de " + firstCode + " a " + secondCode + ".");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "6"), Map.entry(secondCode, "4"));
        view.historyWarehouse.clear();
        List<MovementRow> moves = history(view);
        assertThat(moves)
                .extracting(MovementRow::type)
                .containsExactlyInAnyOrder(MovementType.RECEIPT, MovementType.TRANSFER_OUT, MovementType.TRANSFER_IN);
        assertThat(moves)
                .filteredOn(row -> row.transferId() != null)
                .allSatisfy(row -> assertThat(row.sourceRef()).isEqualTo("TR-" + tag));
    }

    @Test
    void a_transfer_of_more_than_is_on_hand_moves_nothing_and_says_why() {
        StockView view = openStock();
        _click(view.transfer);
        StockTransferDialog dialog = _get(StockTransferDialog.class);
        dialog.to.setValue(dialog.to
                .getListDataView()
                .getItems()
                .filter(value -> value.id().equals(second))
                .findFirst()
                .orElseThrow());
        dialog.quantity.setValue(new BigDecimal("11"));

        _click(dialog.save);

        expectNotifications("No hay existencias suficientes de " + articleCode + " en el almacén " + firstCode + ".");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "10"));
        assertThat(stock.position(articleId, second).onHand()).isZero();
    }

    @Test
    void a_transfer_to_the_same_warehouse_is_refused_on_the_field() {
        StockView view = openStock();
        _click(view.transfer);
        StockTransferDialog dialog = _get(StockTransferDialog.class);
        dialog.to.setValue(dialog.from.getValue());
        dialog.quantity.setValue(new BigDecimal("1"));

        _click(dialog.save);

        assertThat(dialog.to.isInvalid()).isTrue();
        assertThat(dialog.to.getErrorMessage()).isEqualTo("Elige dos almacenes distintos.");
        assertThat(history(view)).hasSize(1);
    }

    @Test
    void a_receipt_without_a_positive_quantity_is_refused_on_the_field_in_words() {
        StockView view = openStock();
        view.quantity.setValue(new BigDecimal("-3"));

        _click(view.receive);

        assertThat(view.quantity.isInvalid()).isTrue();
        assertThat(view.quantity.getErrorMessage()).isEqualTo("La cantidad debe ser mayor que cero.");
        assertThat(history(view)).hasSize(1);

        view.quantity.setValue(new BigDecimal("4"));
        _click(view.receive);
        expectNotifications("Existencias actualizadas.");
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "14"));
    }

    @Test
    void an_adjustment_needs_a_reason_and_corrects_by_a_difference_or_to_a_counted_quantity() {
        StockView view = openStock();
        _click(view.adjust);
        StockAdjustmentDialog dialog = _get(StockAdjustmentDialog.class);
        assertThat(dialog.onHand.getText()).isEqualTo("Ahora hay 10 ud en el almacén " + firstCode + ".");
        dialog.quantity.setValue(new BigDecimal("-2"));

        _click(dialog.save);

        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Un ajuste necesita un motivo.");
        assertThat(history(view)).hasSize(1);

        dialog.reason.setValue("Rotura");
        _click(dialog.save);
        expectNotifications("Existencias actualizadas.");
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "8"));

        _click(view.adjust);
        StockAdjustmentDialog count = _get(StockAdjustmentDialog.class);
        count.mode.setValue(com.nexo.articles.stock.AdjustmentForm.Mode.COUNTED);
        count.quantity.setValue(new BigDecimal("11"));
        count.reason.setValue("Recuento de estantería");
        _click(count.save);

        expectNotifications("Existencias actualizadas.");
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "11"));
        assertThat(history(view))
                .filteredOn(row -> row.type() == MovementType.ADJUSTMENT)
                .extracting(row -> MovementLabels.plain(row.quantity()))
                .containsExactly("3", "-2");
    }

    @Test
    void issuing_more_than_on_hand_in_a_warehouse_without_negative_stock_changes_nothing() {
        StockView view = openStock();
        view.quantity.setValue(BigDecimal.ONE);
        view.unit.setValue(unit("doc"));
        view.reason.setValue("Pedido grande");

        _click(view.issue);

        expectNotifications("No hay existencias suficientes de " + articleCode + " en el almacén " + firstCode + ".");
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "10"));
        assertThat(history(view)).hasSize(1);

        _click(view.receive);

        expectNotifications("Existencias actualizadas.");
        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "22"));
        assertThat(history(view).getFirst()).satisfies(row -> {
            assertThat(row.enteredUnitCode()).isEqualTo("doc");
            assertThat(row.quantity()).isEqualByComparingTo("12");
        });
    }

    @Test
    void the_read_only_role_sees_the_stock_but_no_movement_buttons() {
        switchUser("consulta@demo.nexo");
        StockView view = openStock();

        assertThat(onHandByWarehouse(view)).containsOnly(Map.entry(firstCode, "10"));
        assertThat(List.of(view.receive, view.issue, view.transfer, view.adjust))
                .noneMatch(button -> button.isAttached());
    }

    @Test
    void the_warehouse_list_shows_its_balances_finds_by_name_and_opens_an_article() {
        UUID other = articles.createArticle(form("SV-" + tag + "-B", "Arandela " + tag));
        stock.receive(StockEntry.of(other, second, new BigDecimal("3"), "Inicial"));
        stock.transfer(com.nexo.articles.stock.TransferEntry.of(articleId, first, second, new BigDecimal("2.5"), null));

        UI.getCurrent().navigate(WarehouseStockView.class, WarehouseStockView.linkTo(second));
        WarehouseStockView view = _get(WarehouseStockView.class);
        @SuppressWarnings("unchecked")
        List<BalanceRow> rows = GridKt._fetch(view.grid, 0, 50);
        assertThat(rows)
                .extracting(BalanceRow::articleCode, row -> MovementLabels.plain(row.onHand()), BalanceRow::unitCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(articleCode, "2.5", "ud"),
                        org.assertj.core.groups.Tuple.tuple("SV-" + tag + "-B", "3", "ud"));

        view.search.setValue("arandela " + tag.toLowerCase());
        @SuppressWarnings("unchecked")
        List<BalanceRow> found = GridKt._fetch(view.grid, 0, 50);
        assertThat(found).extracting(BalanceRow::articleCode).containsExactly("SV-" + tag + "-B");

        view.search.clear();
        GridKt._clickItem(view.grid, 0);
        StockView stockView = _get(StockView.class);
        assertThat(stockView.article.getValue().id()).isEqualTo(articleId);
        assertThat(stockView.historyWarehouse.getValue().id()).isEqualTo(second);
    }

    @Test
    void the_warehouse_stock_is_read_in_keyset_pages_after_the_last_code() {
        UUID other = articles.createArticle(form("SV-" + tag + "-B", "Arandela " + tag));
        UUID third = articles.createArticle(form("SV-" + tag + "-C", "Casquillo " + tag));
        stock.receive(StockEntry.of(other, first, BigDecimal.ONE, null));
        stock.receive(StockEntry.of(third, first, BigDecimal.ONE, null));

        Sort<StockSort> byArticle = Sort.ascending(StockSort.ARTICLE);
        Page<BalanceRow> page = lists.warehouseStock(first, null, byArticle, null, 2);
        Page<BalanceRow> next = lists.warehouseStock(first, null, byArticle, page.next(), 2);

        assertThat(page.rows()).extracting(BalanceRow::articleCode).containsExactly(articleCode, "SV-" + tag + "-B");
        assertThat(next.rows()).extracting(BalanceRow::articleCode).containsExactly("SV-" + tag + "-C");
        assertThat(next.hasMore()).isFalse();
        assertThat(lists.warehouseStock(first, "sv-" + tag.toLowerCase() + "-c", byArticle, null, 10)
                        .rows())
                .extracting(BalanceRow::articleCode)
                .containsExactly("SV-" + tag + "-C");
    }
}
