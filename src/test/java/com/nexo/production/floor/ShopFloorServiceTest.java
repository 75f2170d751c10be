package com.nexo.production.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The shop floor's reads on the real database as the application role: a work centre's orders due
 * today or before (overdue first, nothing drafted, finished or of another centre), a worker's orders
 * with their task and running clock, and a scanned code resolved against an order.
 */
@NexoSpringTest
class ShopFloorServiceTest {

    /** The business clock (its time zone decides what day it is), as the services read it. */
    @Autowired
    private Clock clock;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ShopFloorService floor;

    @Autowired
    private WorkService work;

    private WorkFixtures fx;
    private UUID article;
    private UUID service;
    private UUID warehouse;
    private UUID centre;

    @BeforeEach
    void setUp() {
        fx = new WorkFixtures(context);
        article = fx.goods();
        service = fx.service();
        warehouse = fx.warehouse();
        centre = fx.centre("10");
    }

    @Test
    void a_work_centre_shows_its_workable_orders_due_today_or_before_overdue_first() {
        LocalDate today = LocalDate.now(clock);
        UUID today1 = fx.order("IN_PROGRESS", article, "5", today, centre, warehouse);
        UUID overdue = fx.order("RELEASED", article, "8", today.minusDays(2), centre, warehouse);
        fx.order("RELEASED", article, "1", today.plusDays(1), centre, warehouse);
        fx.order("DRAFT", article, "1", today, centre, warehouse);
        UUID completed = fx.order("RELEASED", article, "1", today, centre, warehouse);
        fx.status(completed, "COMPLETED");
        fx.order("RELEASED", article, "1", today, fx.centre("10"), warehouse);

        List<FloorOrder> cards = fx.as(fx.floor, () -> floor.ofWorkCentre(centre, null));

        assertThat(cards).extracting(FloorOrder::orderId).containsExactly(overdue, today1);
        FloorOrder first = cards.getFirst();
        assertThat(first.overdue()).isTrue();
        assertThat(first.article().id()).isEqualTo(article);
        assertThat(first.quantity()).isEqualByComparingTo("8");
        assertThat(first.remaining()).isEqualByComparingTo("8");
        assertThat(first.number()).startsWith("OF-");
        assertThat(cards.get(1).overdue()).isFalse();
    }

    @Test
    void a_worker_sees_the_orders_with_a_task_of_theirs_with_the_task_and_the_running_clock() {
        UUID worker = fx.employee(fx.floorUserId, "20", null);
        UUID later = fx.order("RELEASED", article, "3", LocalDate.now(clock).plusDays(5), null, warehouse);
        UUID task = fx.task(later, 1, service, "2");
        UUID finished = fx.order("RELEASED", article, "3", LocalDate.now(clock), null, warehouse);
        UUID doneTask = fx.task(finished, 1, service, "1");
        UUID someoneElses = fx.order("RELEASED", article, "3", LocalDate.now(clock), null, warehouse);
        fx.task(someoneElses, 1, service, "1");
        fx.as(fx.floor, () -> {
            work.assign(task, worker);
            work.assign(doneTask, worker);
            work.finishTask(doneTask);
            work.startClock(task, worker);
        });

        List<FloorOrder> cards = fx.as(fx.floor, () -> floor.ofWorker(worker));

        assertThat(cards).extracting(FloorOrder::orderId).containsExactly(later);
        FloorTask shown = cards.getFirst().task();
        assertThat(shown.taskId()).isEqualTo(task);
        assertThat(shown.service().id()).isEqualTo(service);
        assertThat(shown.plannedHours()).isEqualByComparingTo(BigDecimal.valueOf(2));
        assertThat(shown.clockRunning()).isTrue();
        assertThat(cards.getFirst().status().name()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void a_scanned_code_is_the_output_a_material_another_article_or_nothing() {
        UUID material = fx.goods();
        UUID unrelated = fx.goods();
        UUID order = fx.order("RELEASED", article, "3", LocalDate.now(clock), centre, warehouse);
        UUID line = fx.material(order, 1, material, "6");

        String articleCode = fx.codeOf(article);
        String materialCode = fx.codeOf(material);
        String unrelatedCode = fx.codeOf(unrelated);
        ScanResult output = fx.as(fx.floor, () -> floor.resolve(order, articleCode));
        assertThat(output.kind()).isEqualTo(ScanResult.Kind.OUTPUT);
        assertThat(output.article().id()).isEqualTo(article);

        ScanResult consumed =
                fx.as(fx.floor, () -> floor.resolve(order, " " + materialCode.toLowerCase(java.util.Locale.ROOT)));
        assertThat(consumed.kind()).isEqualTo(ScanResult.Kind.MATERIAL);
        assertThat(consumed.materialId()).isEqualTo(line);

        assertThat(fx.as(fx.floor, () -> floor.resolve(order, unrelatedCode)).kind())
                .isEqualTo(ScanResult.Kind.NOT_IN_ORDER);
        assertThat(fx.as(fx.floor, () -> floor.resolve(order, "QQZZ-NADA-" + fx.tag))
                        .kind())
                .isEqualTo(ScanResult.Kind.UNKNOWN);
    }

    @Test
    void without_production_permissions_the_floor_is_not_read() {
        assertThatThrownBy(() -> fx.as(fx.outsider, () -> floor.ofWorkCentre(centre, null)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
