package com.nexo.production.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.production.ProductionRuleException;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Work centres, workers, assignment and time on the real database as the application role: a
 * professional's account copied onto the task and its time, a clock costed at its rate, one clock per
 * worker, typed hours adding up into the task and the order, and no time on an order the shop floor
 * may not work on.
 */
@NexoSpringTest
class WorkServiceTest {

    @Autowired
    private ApplicationContext context;

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
        centre = fx.centre("12.50");
    }

    private UUID releasedOrder() {
        return fx.order("RELEASED", article, "10", LocalDate.now(), centre, warehouse);
    }

    private BigDecimal orderServiceCost(UUID order) {
        return fx.value(
                "SELECT actual_service_cost FROM production_order WHERE id = :id",
                Map.of("id", order),
                BigDecimal.class);
    }

    @Test
    void assigning_a_task_to_a_professional_copies_the_account_and_the_rate_and_an_employee_clears_it() {
        UUID account = fx.professional("Electricista");
        UUID professional = fx.professionalWorker(account, "45");
        UUID employee = fx.employee(fx.floorUserId, "30", centre);
        UUID order = releasedOrder();
        UUID task = fx.task(order, 1, service, "2");

        fx.as(fx.floor, () -> work.assign(task, professional));
        OrderTask assigned = fx.as(fx.floor, () -> work.tasksOf(order)).getFirst();
        assertThat(assigned.workerId()).isEqualTo(professional);
        assertThat(assigned.professionalId()).isEqualTo(account);
        assertThat(assigned.standardRate()).isEqualByComparingTo("45");
        assertThat(assigned.workerName()).startsWith("Electricista");
        assertThat(assigned.service().id()).isEqualTo(service);

        UUID entry =
                fx.as(fx.floor, () -> work.logHours(task, professional, LocalDate.now(), new BigDecimal("1"), null));
        assertThat(fx.as(fx.floor, () -> work.timeOf(task))).singleElement().satisfies(time -> {
            assertThat(time.id()).isEqualTo(entry);
            assertThat(time.professionalId()).isEqualTo(account);
        });

        fx.as(fx.floor, () -> work.assign(task, employee));
        OrderTask reassigned = fx.as(fx.floor, () -> work.tasksOf(order)).getFirst();
        assertThat(reassigned.professionalId()).isNull();
        assertThat(reassigned.standardRate()).isEqualByComparingTo("30");
    }

    @Test
    void a_clock_stopped_is_costed_at_its_rate_and_adds_up_into_the_task_and_the_order() {
        UUID worker = fx.employee(fx.floorUserId, "40", centre);
        UUID order = releasedOrder();
        UUID task = fx.task(order, 1, service, "3");

        UUID entry = fx.as(fx.floor, () -> work.startClock(task, worker));
        OrderTask running = fx.as(fx.floor, () -> work.tasksOf(order)).getFirst();
        assertThat(running.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(running.workerId())
                .as("a task nobody performed becomes the clock's worker's")
                .isEqualTo(worker);
        assertThat(running.runningWorkerId()).isEqualTo(worker);
        assertThat(fx.value("SELECT status FROM production_order WHERE id = :id", Map.of("id", order), String.class))
                .isEqualTo("IN_PROGRESS");

        fx.runFor(entry, 90);
        fx.as(fx.floor, () -> work.stopClock(worker));

        TimeEntry stopped = fx.as(fx.floor, () -> work.timeOf(task)).getFirst();
        assertThat(stopped.hours()).isEqualByComparingTo("1.50");
        assertThat(stopped.cost()).isEqualByComparingTo("60.00");
        assertThat(stopped.endedAt()).isNotNull();
        OrderTask done = fx.as(fx.floor, () -> work.tasksOf(order)).getFirst();
        assertThat(done.actualHours()).isEqualByComparingTo("1.50");
        assertThat(done.actualCost()).isEqualByComparingTo("60.00");
        assertThat(done.clockRunning()).isFalse();
        assertThat(orderServiceCost(order)).isEqualByComparingTo("60");
        assertThat(fx.as(fx.floor, () -> work.runningClock(worker))).isEmpty();
    }

    @Test
    void a_second_clock_of_the_same_worker_is_refused_with_the_order_it_runs_on() {
        UUID worker = fx.employee(fx.floorUserId, "40", centre);
        UUID first = releasedOrder();
        UUID second = releasedOrder();
        UUID taskOne = fx.task(first, 1, service, "1");
        UUID taskTwo = fx.task(second, 1, service, "1");
        fx.as(fx.floor, () -> work.startClock(taskOne, worker));

        assertThatThrownBy(() -> fx.as(fx.floor, () -> work.startClock(taskTwo, worker)))
                .isInstanceOf(ProductionRuleException.class)
                .hasMessage("production.work.error.clock-running");
        assertThat(fx.as(fx.floor, () -> work.runningClock(worker)))
                .get()
                .extracting(TimeEntry::taskId)
                .isEqualTo(taskOne);
    }

    @Test
    void typed_hours_add_up_into_the_task_and_the_order_and_finishing_stops_the_clock() {
        UUID worker = fx.employee(fx.floorUserId, "25", centre);
        UUID helper = fx.professionalWorker(fx.professional("Montador"), "50");
        UUID order = releasedOrder();
        UUID taskOne = fx.task(order, 1, service, "4");
        UUID taskTwo = fx.task(order, 2, service, "1");

        fx.as(fx.floor, () -> work.logHours(taskOne, worker, LocalDate.now(), new BigDecimal("2.5"), "Montaje"));
        fx.as(
                fx.floor,
                () -> work.logHours(taskOne, worker, LocalDate.now().minusDays(1), new BigDecimal("0.5"), null));
        fx.as(fx.floor, () -> work.logHours(taskTwo, helper, LocalDate.now(), new BigDecimal("1.25"), null));

        List<OrderTask> tasks = fx.as(fx.floor, () -> work.tasksOf(order));
        assertThat(tasks.get(0).actualHours()).isEqualByComparingTo("3");
        assertThat(tasks.get(0).actualCost()).isEqualByComparingTo("75");
        assertThat(tasks.get(1).actualCost()).isEqualByComparingTo("62.50");
        assertThat(orderServiceCost(order)).isEqualByComparingTo("137.50");
        assertThat(fx.as(
                        fx.floor,
                        () -> work.timeOfWorker(worker, LocalDate.now().minusDays(7), LocalDate.now())))
                .extracting(TimeEntry::hours)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2.5"), new BigDecimal("0.5"));

        UUID entry = fx.as(fx.floor, () -> work.startClock(taskOne, worker));
        fx.runFor(entry, 30);
        fx.as(fx.floor, () -> work.finishTask(taskOne));
        OrderTask finished = fx.as(fx.floor, () -> work.tasksOf(order)).getFirst();
        assertThat(finished.status()).isEqualTo(TaskStatus.DONE);
        assertThat(finished.actualHours()).isEqualByComparingTo("3.5");
        assertThat(orderServiceCost(order)).isEqualByComparingTo("150");
        assertThat(fx.as(fx.floor, () -> work.runningClock(worker))).isEmpty();
    }

    @Test
    void hours_out_of_range_are_refused_on_their_field() {
        UUID worker = fx.employee(fx.floorUserId, "25", centre);
        UUID task = fx.task(releasedOrder(), 1, service, "1");
        for (String hours : List.of("0", "-1", "24.5")) {
            assertThatThrownBy(() -> fx.as(
                            fx.floor, () -> work.logHours(task, worker, LocalDate.now(), new BigDecimal(hours), null)))
                    .isInstanceOfSatisfying(
                            ProductionRuleException.class,
                            refusal -> assertThat(refusal.field()).isEqualTo("hours"));
        }
    }

    @Test
    void time_is_refused_on_a_draft_or_a_closed_order() {
        UUID worker = fx.employee(fx.floorUserId, "25", centre);
        UUID draft = fx.order("DRAFT", article, "1", LocalDate.now(), centre, warehouse);
        UUID closed = releasedOrder();
        UUID draftTask = fx.task(draft, 1, service, "1");
        UUID closedTask = fx.task(closed, 1, service, "1");
        fx.status(closed, "COMPLETED");
        fx.status(closed, "CLOSED");

        for (UUID task : List.of(draftTask, closedTask)) {
            assertThatThrownBy(() ->
                            fx.as(fx.floor, () -> work.logHours(task, worker, LocalDate.now(), BigDecimal.ONE, null)))
                    .isInstanceOf(ProductionRuleException.class)
                    .hasMessage("production.work.error.order-not-workable");
            assertThatThrownBy(() -> fx.as(fx.floor, () -> work.startClock(task, worker)))
                    .hasMessage("production.work.error.order-not-workable");
        }
        assertThat(orderServiceCost(closed)).isEqualByComparingTo("0");
    }

    @Test
    void workers_are_employees_of_the_tenant_or_professional_accounts_and_one_worker_each() {
        UUID client = fx.professional("Sin rol");
        UUID notAUser = UUID.randomUUID();
        assertThatThrownBy(() -> fx.employee(notAUser, "10", null))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("production.work.error.not-employee"));
        assertThatThrownBy(() -> fx.professionalWorker(UUID.randomUUID(), "10"))
                .hasMessage("production.work.error.not-professional");
        UUID worker = fx.professionalWorker(client, "10");
        assertThatThrownBy(() -> fx.professionalWorker(client, "12"))
                .hasMessage("production.work.error.already-worker");

        Worker saved = fx.as(fx.floor, () -> work.worker(worker));
        fx.as(
                WorkFixtures.ADMIN,
                () -> work.updateWorker(
                        worker,
                        saved.version(),
                        new WorkerForm(WorkerKind.PROFESSIONAL, null, client, new BigDecimal("15"), centre, true)));
        assertThatThrownBy(() -> fx.as(
                        WorkFixtures.ADMIN,
                        () -> work.updateWorker(
                                worker,
                                saved.version(),
                                new WorkerForm(WorkerKind.PROFESSIONAL, null, client, BigDecimal.ONE, null, true))))
                .hasMessage("production.work.error.changed-meanwhile");
        assertThat(fx.as(fx.floor, () -> work.worker(worker)).hourlyRate()).isEqualByComparingTo("15");
    }

    @Test
    void settings_need_the_settings_permission_and_work_needs_production() {
        assertThatThrownBy(() -> fx.as(
                        fx.outsider, () -> work.createWorkCentre(new WorkCentreForm("X1", "X", BigDecimal.ONE, true))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(fx.outsider, () -> work.workers(false)))
                .isInstanceOf(AccessDeniedException.class);
        UUID id = fx.as(
                fx.floor,
                () -> work.createWorkCentre(new WorkCentreForm("P" + fx.tag, "Pintura", new BigDecimal("8"), true)));
        assertThatThrownBy(() -> fx.as(
                        fx.floor,
                        () -> work.createWorkCentre(new WorkCentreForm("P" + fx.tag, "Otra", BigDecimal.ONE, true))))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("code"));
        assertThat(fx.as(fx.floor, () -> work.workCentres(false)))
                .extracting(WorkCentre::id)
                .contains(id);
    }
}
