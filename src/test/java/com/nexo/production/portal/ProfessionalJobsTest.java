package com.nexo.production.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.portal.PortalFixtures.Assigned;
import com.nexo.production.portal.ProfessionalJobs.ClockStop;
import com.nexo.production.work.OrderTask;
import com.nexo.production.work.TaskStatus;
import com.nexo.production.work.WorkFixtures;
import com.nexo.production.work.WorkService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The professional portal's service on the real database, as a real professional under its own
 * row-level security: the rules of accepting, recording time and marking done, what the back office
 * sees of it at once, another professional's job, a closed order, and employees refused.
 */
@NexoSpringTest
class ProfessionalJobsTest {

    /** The business clock (its time zone decides what day it is), as the services read it. */
    @Autowired
    private Clock clock;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ProfessionalJobs jobs;

    @Autowired
    private WorkService work;

    private PortalFixtures me;

    @BeforeEach
    void aProfessional() {
        me = new PortalFixtures(context, "Pintora");
    }

    private <T> T asMe(Supplier<T> action) {
        return me.work.as(me.email, action);
    }

    private void asMe(Runnable action) {
        me.work.as(me.email, action);
    }

    @Test
    void a_job_is_accepted_worked_on_and_done_and_the_order_shows_it_at_once() {
        Assigned job = me.job("3");
        assertThat(asMe(() -> jobs.waitingToBeAccepted())).isOne();

        asMe(() -> jobs.accept(job.task(), jobs.job(job.task()).version()));
        asMe(() -> jobs.logHours(job.task(), LocalDate.now(clock), new BigDecimal("2"), "Primera mano"));

        OrderTask seen =
                me.work.as(WorkFixtures.ADMIN, () -> work.tasksOf(job.order())).getFirst();
        assertThat(seen.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(seen.actualHours()).isEqualByComparingTo("2");
        assertThat(seen.actualCost()).isEqualByComparingTo("60");
        assertThat(me.work.value(
                        "SELECT status || ' ' || actual_service_cost FROM production_order WHERE id = :id",
                        Map.of("id", job.order()),
                        String.class))
                .isEqualTo("IN_PROGRESS 60.0000");

        asMe(() -> jobs.markDone(job.task(), jobs.job(job.task()).version()));
        JobDetails done = asMe(() -> jobs.job(job.task()));
        assertThat(done.status()).isEqualTo(TaskStatus.DONE);
        assertThat(done.earned()).isEqualByComparingTo("60");
        assertThat(asMe(() -> jobs.waitingToBeAccepted())).isZero();
    }

    @Test
    void time_needs_an_accepted_job_and_done_needs_time() {
        Assigned job = me.job("3");
        assertThatThrownBy(() -> asMe(() -> jobs.logHours(job.task(), LocalDate.now(clock), BigDecimal.ONE, null)))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.professional.error.accept-first"));
        long version = asMe(() -> jobs.job(job.task()).version());
        asMe(() -> jobs.accept(job.task(), version));
        // The version read before the accept is stale now.
        assertThatThrownBy(() -> asMe(() -> jobs.accept(job.task(), version)))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("production.work.error.changed-meanwhile"));
        assertThatThrownBy(() -> asMe(
                        () -> jobs.markDone(job.task(), jobs.job(job.task()).version())))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.professional.error.done-without-time"));
        assertThatThrownBy(
                        () -> asMe(() -> jobs.logHours(job.task(), LocalDate.now(clock), new BigDecimal("25"), null)))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.field()).isEqualTo("hours"));
        assertThatThrownBy(() -> asMe(
                        () -> jobs.logHours(job.task(), LocalDate.now(clock).plusDays(1), BigDecimal.ONE, null)))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.field()).isEqualTo("workDate"));
    }

    @Test
    void one_clock_runs_at_a_time_and_stopping_it_records_the_time() {
        Assigned first = me.job("3");
        Assigned second = me.job("1");
        asMe(() -> {
            jobs.accept(first.task(), jobs.job(first.task()).version());
            jobs.accept(second.task(), jobs.job(second.task()).version());
            jobs.startClock(first.task());
        });
        assertThat(asMe(() -> jobs.runningClock()))
                .hasValueSatisfying(r -> assertThat(r.taskId()).isEqualTo(first.task()));
        assertThatThrownBy(() -> asMe(() -> jobs.startClock(second.task())))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.professional.error.clock-running"));
        UUID entry = asMe(() -> jobs.runningClock().orElseThrow().id());
        me.work.runFor(entry, 90);

        assertThat(asMe(() -> jobs.stopClock())).isEqualTo(ClockStop.RECORDED);
        JobDetails worked = asMe(() -> jobs.job(first.task()));
        assertThat(worked.loggedHours()).isEqualByComparingTo("1.50");
        assertThat(worked.earned()).isEqualByComparingTo("45");
        assertThat(asMe(() -> jobs.stopClock())).isEqualTo(ClockStop.NOT_RUNNING);
    }

    @Test
    void an_order_closed_meanwhile_takes_no_time_and_drops_a_running_clock() {
        Assigned job = me.job("3");
        asMe(() -> {
            jobs.accept(job.task(), jobs.job(job.task()).version());
            jobs.startClock(job.task());
        });
        me.work.status(job.order(), "COMPLETED");
        assertThatThrownBy(() -> asMe(() -> jobs.logHours(job.task(), LocalDate.now(clock), BigDecimal.ONE, null)))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("production.work.error.order-not-workable"));
        assertThat(asMe(() -> jobs.stopClock())).isEqualTo(ClockStop.DISCARDED);
        assertThat(asMe(() -> jobs.runningClock())).isEmpty();
        assertThat(asMe(() -> jobs.job(job.task()).loggedHours())).isEqualByComparingTo("0");
    }

    @Test
    void another_professionals_job_is_not_found_and_employees_are_refused() {
        PortalFixtures someoneElse = new PortalFixtures(context, "Fontanero");
        Assigned theirs = someoneElse.job("2");
        assertThatThrownBy(() -> asMe(() -> jobs.job(theirs.task())))
                .isInstanceOfSatisfying(
                        ProductionRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("portal.professional.error.job-not-found"));
        assertThatThrownBy(() -> asMe(() -> jobs.accept(theirs.task(), 0))).isInstanceOf(ProductionRuleException.class);
        assertThat(asMe(() -> jobs.jobs(JobFilter.ALL, null, 50).rows()))
                .extracting(Job::taskId)
                .doesNotContain(theirs.task());
        assertThatThrownBy(() -> me.work.as(WorkFixtures.ADMIN, () -> jobs.jobs(JobFilter.ALL, null, 50)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void earnings_add_up_the_periods_hours_at_the_rate_per_job() {
        Assigned first = me.job("3");
        Assigned second = me.job("3");
        LocalDate today = LocalDate.now(clock);
        asMe(() -> {
            jobs.accept(first.task(), jobs.job(first.task()).version());
            jobs.accept(second.task(), jobs.job(second.task()).version());
            jobs.logHours(first.task(), today, new BigDecimal("1.25"), null);
            jobs.logHours(first.task(), today.minusDays(40), new BigDecimal("4"), "Fuera del periodo");
            jobs.logHours(second.task(), today, new BigDecimal("2"), null);
        });
        Earnings earnings = asMe(() -> jobs.earnings(today.minusDays(7), today));
        assertThat(earnings.hours()).isEqualByComparingTo("3.25");
        assertThat(earnings.amount()).isEqualByComparingTo("97.50");
        assertThat(asMe(() -> jobs.earningsPerJob(today.minusDays(7), today, null, 50))
                        .rows())
                .extracting(Earnings.Line::taskId)
                .containsExactly(second.task(), first.task());
        assertThat(asMe(() -> jobs.timeRecords(today.minusDays(7), today, null, 1))
                        .hasMore())
                .isTrue();
        assertThat(asMe(() ->
                        jobs.timeRecords(today.minusDays(7), today, null, 10).rows()))
                .hasSize(2);
    }

    @Test
    void every_job_of_the_period_is_on_some_page_of_the_earnings_and_the_totals_count_them_all() {
        LocalDate today = LocalDate.now(clock);
        // Two jobs earn the same: the order goes on by the job's id, across a page's end too.
        List<String> hours = List.of("1", "2", "2", "3", "0.5");
        List<UUID> tasks = new ArrayList<>();
        for (String logged : hours) {
            Assigned job = me.job("4");
            tasks.add(job.task());
            asMe(() -> {
                jobs.accept(job.task(), jobs.job(job.task()).version());
                jobs.logHours(job.task(), today, new BigDecimal(logged), null);
            });
        }

        List<Earnings.Line> read = new ArrayList<>();
        PageCursor after = null;
        int pages = 0;
        do {
            PageCursor from = after;
            Page<Earnings.Line> page = asMe(() -> jobs.earningsPerJob(today.minusDays(7), today, from, 2));
            assertThat(page.rows()).hasSizeLessThanOrEqualTo(2);
            read.addAll(page.rows());
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(read).extracting(Earnings.Line::taskId).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(read).extracting(Earnings.Line::amount).isSortedAccordingTo(Comparator.reverseOrder());
        BigDecimal listed = read.stream().map(Earnings.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Earnings total = asMe(() -> jobs.earnings(today.minusDays(7), today));
        assertThat(total.hours()).isEqualByComparingTo("8.5");
        assertThat(total.amount()).isEqualByComparingTo(listed).isEqualByComparingTo("255");
    }
}
