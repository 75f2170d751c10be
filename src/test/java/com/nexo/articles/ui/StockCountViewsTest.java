package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.catalogue.Ean13;
import com.nexo.articles.counts.CountLine;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.MovementType;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockListService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Counting stock on the tablet screens: start, enter, review, post; and who may do which. */
class StockCountViewsTest extends KaribuTest {

    private static final String ADMIN = "admin@demo.nexo";

    @Autowired
    private ArticleService articles;

    @Autowired
    private UnitService units;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private StockService stock;

    @Autowired
    private StockListService stockLists;

    @Autowired
    private StockCountService counts;

    @Autowired
    private com.nexo.articles.counts.CountListService countLists;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36)
            .toUpperCase();

    /** A warehouse of its own with three articles in stock (10, 5 and 7 units); made as admin. */
    private record Shelf(
            UUID warehouse, String warehouseCode, UUID screws, UUID nuts, UUID bolts, String boltsBarcode) {}

    private Shelf shelf() {
        login(ADMIN);
        String code = ("K" + tag).substring(0, Math.min(16, tag.length() + 1));
        UUID warehouse = warehouses.createWarehouse(new WarehouseForm(code, "Almacén " + code, null, false, true));
        UUID unit = units.listUnits().stream()
                .filter(u -> u.getCode().equals("ud"))
                .findFirst()
                .orElseThrow()
                .getId();
        String barcode = Ean13.complete(
                Long.toString(200_000_000_000L + ThreadLocalRandom.current().nextLong(700_000_000_000L)));
        UUID screws = article("KC-" + tag + "-1", unit, null);
        UUID nuts = article("KC-" + tag + "-2", unit, null);
        UUID bolts = article("KC-" + tag + "-3", unit, barcode);
        stock.receive(StockEntry.of(screws, warehouse, new BigDecimal("10"), "test"));
        stock.receive(StockEntry.of(nuts, warehouse, new BigDecimal("5"), "test"));
        stock.receive(StockEntry.of(bolts, warehouse, new BigDecimal("7"), "test"));
        return new Shelf(warehouse, code, screws, nuts, bolts, barcode);
    }

    private UUID article(String code, UUID unit, String barcode) {
        return articles.createArticle(new ArticleForm(
                code,
                ArticleKind.GOODS,
                "Tornillo " + code,
                "Screw " + code,
                null,
                null,
                null,
                unit,
                barcode,
                new BigDecimal("1"),
                new BigDecimal("1"),
                new BigDecimal("21"),
                null,
                true));
    }

    private String userWith(String... permissions) {
        login(ADMIN);
        String code = "cnt-" + tag.toLowerCase() + "-" + permissions.length;
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of(permissions)));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));
        return email;
    }

    private static List<CountLine> lines(StockCountView view) {
        return GridKt._fetch(view.lines, 0, 100);
    }

    private static int row(StockCountView view, UUID article) {
        List<CountLine> shown = lines(view);
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).articleId().equals(article)) {
                return i;
            }
        }
        throw new AssertionError("article not listed: " + article);
    }

    private static TextField countedField(StockCountView view, UUID article) {
        return (TextField) GridKt._getCellComponent(view.lines, row(view, article), "counted");
    }

    /** Types into a line's counted field and leaves it, as the user's tablet would. */
    private static TextField type(StockCountView view, UUID article, String text) {
        TextField field = countedField(view, article);
        field.setValue(text);
        return field;
    }

    private static Component differenceOf(StockCountView view, UUID article) {
        Component cell = GridKt._getCellComponent(view.lines, row(view, article), "difference");
        return cell.getChildren().findFirst().orElseThrow();
    }

    private StockCountView openCount(UUID count) {
        UI.getCurrent().navigate(StockCountView.class, StockCountView.parameters(count));
        return _get(StockCountView.class);
    }

    @Test
    void a_count_started_from_the_list_is_entered_reviewed_and_posted_and_on_hand_becomes_what_was_counted() {
        Shelf shelf = shelf();
        UI.getCurrent().navigate(StockCountsView.class);
        StockCountsView list = _get(StockCountsView.class);
        list.warehouse.setValue(list.warehouse
                .getListDataView()
                .getItems()
                .filter(w -> w.id().equals(shelf.warehouse()))
                .findFirst()
                .orElseThrow());
        _click(list.start);
        StartCountDialog dialog = _get(StartCountDialog.class);
        assertThat(dialog.warehouse.getValue().id()).isEqualTo(shelf.warehouse());
        _click(dialog.start);

        expectNotifications("Inventario empezado. Artículos por contar: 3.");
        StockCountView view = _get(StockCountView.class);
        assertThat(lines(view))
                .extracting(CountLine::articleId)
                .containsExactly(shelf.screws(), shelf.nuts(), shelf.bolts());

        type(view, shelf.screws(), "8");
        type(view, shelf.nuts(), "5");
        assertThat(((com.vaadin.flow.component.html.Span) differenceOf(view, shelf.screws())).getText())
                .isEqualTo("\u22122");
        assertThat(differenceOf(view, shelf.bolts())).isInstanceOf(Badge.class);

        _click(view.review);
        List<CountLine> review = lines(view);
        assertThat(review).extracting(CountLine::articleId).containsExactly(shelf.screws(), shelf.bolts());
        assertThat(review.get(0).difference()).isEqualByComparingTo("-2");
        assertThat(((Badge) differenceOf(view, shelf.bolts())).getText()).isEqualTo("Sin contar");

        _click(view.post);
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm))
                .isEqualTo("Ajustes de existencias que se escribirán en una sola operación: 1. Artículos sin contar,"
                        + " que no cambiarán: 1. Después el inventario ya no se podrá modificar.");
        ConfirmDialogKt._fireConfirm(confirm);

        expectNotifications("Inventario contabilizado. Ajustes escritos: 1.");
        assertThat(stock.position(shelf.screws(), shelf.warehouse()).onHand()).isEqualByComparingTo("8");
        assertThat(stock.position(shelf.nuts(), shelf.warehouse()).onHand()).isEqualByComparingTo("5");
        assertThat(stock.position(shelf.bolts(), shelf.warehouse()).onHand()).isEqualByComparingTo("7");
        MovementRow adjustment = stockLists
                .movements(shelf.screws(), shelf.warehouse(), null, 1)
                .rows()
                .getFirst();
        assertThat(adjustment.type()).isEqualTo(MovementType.ADJUSTMENT);
        assertThat(adjustment.quantity()).isEqualByComparingTo("-2");

        assertThat(view.post.isVisible()).isFalse();
        assertThat(view.cancel.isVisible()).isFalse();
        _click(view.review);
        assertThat(countedField(view, shelf.screws()).isReadOnly()).isTrue();
        UI.getCurrent().navigate(StockCountsView.class);
        assertThat(GridKt._fetch(_get(StockCountsView.class).grid, 0, 1))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.status()).isEqualTo("posted");
                    assertThat(summary.differences()).isEqualTo(1);
                });
    }

    @Test
    void a_scanned_barcode_narrows_the_lines_to_its_article_and_an_unknown_code_is_named_in_the_message() {
        Shelf shelf = shelf();
        UUID count = counts.startCount(shelf.warehouse(), null);
        StockCountView view = openCount(count);

        view.scan.setValue(shelf.boltsBarcode());
        assertThat(lines(view)).extracting(CountLine::articleId).containsExactly(shelf.bolts());
        type(view, shelf.bolts(), "7,5");
        assertThat(countLists
                        .lines(count, com.nexo.articles.counts.CountLineFilter.DIFFERENCES, null, null, 10)
                        .rows())
                .singleElement()
                .satisfies(line -> assertThat(line.counted()).isEqualByComparingTo("7.5"));

        view.scan.setValue("NO-SUCH-" + tag);
        expectNotifications("Ningún artículo tiene el código o código de barras NO-SUCH-" + tag + ".");
        view.scan.setValue("");
        assertThat(lines(view)).hasSize(3);
    }

    @Test
    void a_wrong_or_negative_quantity_is_refused_in_words_and_stays_in_the_field_unsaved() {
        Shelf shelf = shelf();
        UUID count = counts.startCount(shelf.warehouse(), null);
        StockCountView view = openCount(count);

        TextField field = type(view, shelf.nuts(), "1,2,3");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Escribe una cantidad, por ejemplo 12 o 12,5.");
        assertThat(field.getValue()).isEqualTo("1,2,3");
        expectNotifications("Escribe una cantidad, por ejemplo 12 o 12,5.");

        field = type(view, shelf.nuts(), "-2");
        assertThat(field.getErrorMessage()).isEqualTo("Una cantidad contada no puede ser negativa.");
        assertThat(countLists
                        .lines(count, com.nexo.articles.counts.CountLineFilter.ALL, null, null, 10)
                        .rows())
                .noneMatch(CountLine::isCounted);
    }

    @Test
    void a_count_posted_elsewhere_refuses_an_entry_in_words_and_the_screen_turns_read_only() {
        Shelf shelf = shelf();
        UUID count = counts.startCount(shelf.warehouse(), null);
        StockCountView view = openCount(count);
        assertThat(view.post.isVisible()).isTrue();

        // Someone else posts the count from another tablet.
        counts.post(count);
        TextField field = type(view, shelf.screws(), "9");

        expectNotifications("El inventario ya está contabilizado o cancelado.");
        assertThat(field.isInvalid()).isTrue();
        assertThat(view.post.isVisible()).isFalse();
        assertThat(countedField(view, shelf.screws()).isReadOnly()).isTrue();
        assertThat(stock.position(shelf.screws(), shelf.warehouse()).onHand()).isEqualByComparingTo("10");
    }

    @Test
    void a_count_can_be_cancelled_after_confirmation_and_then_opens_read_only() {
        Shelf shelf = shelf();
        UUID count = counts.startCount(shelf.warehouse(), null);
        StockCountView view = openCount(count);

        _click(view.cancel);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        expectNotifications("Inventario cancelado.");
        clearNotifications();
        StockCountView reopened = openCount(count);
        assertThat(reopened.cancel.isVisible()).isFalse();
        assertThat(countedField(reopened, shelf.nuts()).isReadOnly()).isTrue();
        assertThat(countLists.count(count).orElseThrow().status()).isEqualTo("cancelled");
    }

    @Test
    void a_counter_without_the_post_permission_enters_quantities_but_the_post_button_is_disabled() {
        Shelf shelf = shelf();
        UUID count = counts.startCount(shelf.warehouse(), null);
        String counter = userWith("stock.read", "stock.count");

        switchUser(counter);
        StockCountView view = openCount(count);
        type(view, shelf.screws(), "3");

        assertThat(view.post.isEnabled()).isFalse();
        assertThat(countLists
                        .lines(count, com.nexo.articles.counts.CountLineFilter.DIFFERENCES, null, null, 10)
                        .rows())
                .singleElement()
                .satisfies(line -> assertThat(line.counted()).isEqualByComparingTo("3"));
        assertThatThrownBy(() -> counts.post(count))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_user_without_the_count_permission_is_refused_both_screens_and_has_no_menu_entry() {
        Shelf shelf = shelf();
        UUID count = counts.startCount(shelf.warehouse(), null);
        String reader = userWith("stock.read");

        switchUser(reader);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("stock")
                .doesNotContain("stock/counts");
        assertThatThrownBy(() -> UI.getCurrent().navigate(StockCountsView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(StockCountView.class, StockCountView.parameters(count)))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
