package com.nexo.production.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shop-floor screen on the real database: the current user's own work is shown first, one card
 * per order with touch-sized buttons in a grid that narrows to one column; the clock starts and stops
 * the person's time; a work centre's orders are shown when it is chosen; a scanned code that the order
 * does not use is refused in the dialog; the order's own steps call through to the orders' service.
 */
class ShopFloorViewTest extends KaribuTest {

    @Autowired
    private WorkService work;

    private WorkFixtures fx;
    private UUID centre;
    private UUID order;
    private UUID task;
    private UUID worker;
    private UUID material;
    private UUID article;
    private UUID warehouse;

    @BeforeEach
    void setUp() {
        fx = new WorkFixtures(context);
        article = fx.goods();
        warehouse = fx.warehouse();
        material = fx.goods();
        centre = fx.centre("10");
        worker = fx.employee(fx.floorUserId, "30", centre);
        order = fx.order("RELEASED", article, "4", LocalDate.now(), centre, warehouse);
        task = fx.task(order, 1, fx.service(), "2");
        fx.material(order, 1, material, "8");
        fx.as(WorkFixtures.ADMIN, () -> work.assign(task, worker));
    }

    private ShopFloorView open() {
        login(fx.floor);
        UI.getCurrent().navigate("production/floor");
        return _get(ShopFloorView.class);
    }

    @Test
    void the_users_own_work_shows_as_cards_that_fit_a_phone_and_the_clock_runs_on_their_task() {
        ShopFloorView view = open();
        assertThat(view.getPageTitle()).isEqualTo("Taller");
        assertThat(view.worker.getValue().id())
                .as("the current user's own work first")
                .isEqualTo(worker);
        assertThat(view.shown)
                .singleElement()
                .satisfies(card -> assertThat(card.order.orderId()).isEqualTo(order));
        assertThat(view.cards.getStyle().get("grid-template-columns")).contains("min(100%, 22rem)");
        ShopFloorView.Card card = view.shown.getFirst();
        assertThat(card.start.isVisible()).isTrue();
        assertThat(card.clock.getStyle().get("min-height")).isEqualTo("3.5rem");
        assertThat(card.clock.getText()).isEqualTo("Fichar entrada");

        card.clock.click();
        assertThat(view.lastNotice).isEqualTo("Operaria " + fx.tag + ": fichada la entrada.");
        assertThat(fx.as(fx.floor, () -> work.runningClock(worker))).isPresent();
        ShopFloorView.Card running = view.shown.getFirst();
        assertThat(running.clock.getText()).isEqualTo("Fichar salida");

        running.clock.click();
        assertThat(view.lastNotice).isEqualTo("Operaria " + fx.tag + ": fichada la salida.");
        assertThat(fx.as(fx.floor, () -> work.runningClock(worker))).isEmpty();
        assertThat(fx.as(fx.floor, () -> work.tasksOf(order)).getFirst().actualHours())
                .isGreaterThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void a_work_centre_shows_its_orders_and_a_code_the_order_does_not_use_is_refused() {
        ShopFloorView view = open();
        view.centre.setValue(view.centre
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(centre))
                .findFirst()
                .orElseThrow());
        assertThat(view.worker.getValue()).isNull();
        assertThat(view.shown).extracting(card -> card.order.orderId()).containsExactly(order);

        view.shown.getFirst().record.click();
        ShopFloorRecordDialog dialog = _get(ShopFloorRecordDialog.class);
        dialog.scan.setValue("NADA-" + fx.tag);
        assertThat(dialog.scan.isInvalid()).isTrue();
        assertThat(dialog.scan.getErrorMessage())
                .isEqualTo("No hay ningún artículo con el código «NADA-" + fx.tag + "».");
        dialog.scan.setValue(fx.codeOf(material));
        assertThat(dialog.found.getText()).startsWith("Consumo de " + fx.codeOf(material));
        dialog.quantity.setValue(new BigDecimal("2"));
        dialog.confirm.click();
        assertThat(view.lastNotice).isNotBlank();
    }

    @Test
    void starting_scrapping_and_finishing_call_the_orders_service() {
        ShopFloorView view = open();
        view.shown.getFirst().start.click();
        assertThat(view.lastNotice).isNotBlank();

        view.shown.getFirst().scrap.click();
        ShopFloorScrapDialog scrap = _get(ShopFloorScrapDialog.class);
        scrap.confirm.click();
        assertThat(scrap.quantity.isInvalid()).isTrue();
        assertThat(scrap.reason.isInvalid()).isTrue();
        scrap.quantity.setValue(BigDecimal.ONE);
        scrap.reason.setValue(ShopFloorScrapDialog.REASONS.getFirst());
        scrap.confirm.click();
        assertThat(scrap.isOpened()).isFalse();
        assertThat(view.lastNotice).isNotBlank();

        view.shown.getFirst().finish.click();
        _get(ShopFloorFinishDialog.class).confirm.click();
        assertThat(view.lastNotice).isNotBlank();
    }

    private String orderValue(UUID id, String column) {
        return fx.value(
                "SELECT " + column + "::text FROM production_order WHERE id = :id", Map.of("id", id), String.class);
    }

    @Test
    void a_card_starts_records_scraps_and_finishes_its_order() {
        UUID bare = fx.order("RELEASED", article, "5", LocalDate.now().minusDays(1), centre, warehouse);
        String code = fx.codeOf(article);
        ShopFloorView view = open();
        view.centre.setValue(view.centre
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(centre))
                .findFirst()
                .orElseThrow());
        assertThat(view.shown.getFirst().order.orderId()).as("overdue first").isEqualTo(bare);

        view.shown.getFirst().start.click();
        assertThat(orderValue(bare, "status")).isEqualTo("IN_PROGRESS");
        ShopFloorView.Card card = view.shown.getFirst();
        assertThat(card.start.isVisible()).isFalse();

        card.record.click();
        ShopFloorRecordDialog record = _get(ShopFloorRecordDialog.class);
        record.scan.setValue(code);
        record.quantity.setValue(new BigDecimal("2"));
        record.confirm.click();
        assertThat(view.lastNotice).startsWith("Registradas 2 de " + code);
        assertThat(new BigDecimal(orderValue(bare, "produced_quantity"))).isEqualByComparingTo("2");

        view.shown.getFirst().scrap.click();
        ShopFloorScrapDialog scrap = _get(ShopFloorScrapDialog.class);
        scrap.quantity.setValue(BigDecimal.ONE);
        scrap.reason.setValue("production.floor.reason.other");
        scrap.note.setValue("Golpe al descargar");
        scrap.confirm.click();
        assertThat(view.lastNotice).isEqualTo("Desechadas 1.");
        assertThat(new BigDecimal(orderValue(bare, "scrapped_quantity"))).isEqualByComparingTo("1");

        view.shown.getFirst().finish.click();
        _get(ShopFloorFinishDialog.class).confirm.click();
        assertThat(orderValue(bare, "status")).isEqualTo("COMPLETED");
        assertThat(view.shown).extracting(shown -> shown.order.orderId()).doesNotContain(bare);
    }
}
