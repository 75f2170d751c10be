package com.nexo.production.portal;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.work.TaskStatus;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The professional portal's work: the jobs (service tasks of production orders) assigned to the
 * worker tied to the professional's account, accepting them, clocking on and off or logging hours,
 * marking them done, and the professional's time records with what they will be paid.
 *
 * <p>Every method runs as the professional, under its own row-level security (V62): it reads and
 * writes its own tasks, time and worker only, whatever id it is given. The order's hours, cost and
 * state, which a professional may not write, are added up again by the database function
 * {@code nexo_production_portal_refresh}, which also refuses (rolling back the change) when the order
 * was closed or cancelled meanwhile. The rules are WorkService's for employees: hours more than 0 and
 * at most 24 with two decimals, no date in the future, one running clock per worker; and the
 * portal's own: a job is accepted before time goes on it, and is done only with time recorded.
 */
@Service
public class ProfessionalJobs {

    private static final BigDecimal DAY = new BigDecimal("24");
    private static final int NOTE_LENGTH = 500;
    /** SQLSTATE of nexo_production_portal_refresh when the order takes no more time. */
    private static final String NOT_WORKABLE = "NXP01";

    private static final ListOrder JOB_ORDER = ListOrder.keyset("o.due_date", "date", "t.id", false);
    private static final ListOrder TIME_ORDER = ListOrder.keyset("e.work_date", "date", "e.id", true);
    private static final ListOrder EARNINGS_ORDER = ListOrder.keyset("j.amount", "numeric", "j.task_id", true);

    /** Its stopped time of a period added up per job; a page of it is read in {@link #EARNINGS_ORDER}. */
    private static final String EARNINGS_PER_JOB = """
            (SELECT e.task_id, min(o.number) AS number, sum(e.hours) AS hours, coalesce(sum(e.cost), 0) AS amount
               FROM production_time_entry e JOIN production_order o ON o.id = e.order_id
              WHERE e.professional_id = nexo_party_id() AND e.hours IS NOT NULL
                AND e.work_date BETWEEN :from AND :to
              GROUP BY e.task_id) j
            """;

    private static final String JOB_COLUMNS = """
            t.id, o.number, o.quantity, o.due_date, c.name AS centre, t.planned_hours, t.actual_hours, t.status,
            EXISTS (SELECT 1 FROM production_time_entry r WHERE r.task_id = t.id AND r.hours IS NULL) AS running
            """;

    private static final String JOB_FROM = """
            production_order_task t
            JOIN production_order o ON o.id = t.order_id
            LEFT JOIN production_work_centre c ON c.id = o.work_centre_id
            """;

    private static final String DETAILS = """
            SELECT t.id, o.number, o.status AS order_status, o.article_id, o.quantity, o.released_at, o.started_at,
                   o.due_date,
                   c.name AS centre, o.notes, t.planned_hours, t.actual_hours, t.actual_cost, w.hourly_rate,
                   t.status, t.done_at, t.version,
                   (SELECT r.started_at FROM production_time_entry r
                     WHERE r.task_id = t.id AND r.hours IS NULL LIMIT 1) AS clock_since
              FROM production_order_task t
              JOIN production_order o ON o.id = t.order_id
              LEFT JOIN production_work_centre c ON c.id = o.work_centre_id
              LEFT JOIN production_worker w ON w.id = t.worker_id
             WHERE t.id = :task AND t.professional_id = nexo_party_id()
            """;

    /** The task with its order's state, the task locked (a professional may read the order, not lock it). */
    private static final String TASK_FOR_WORK = """
            SELECT t.id, t.order_id, t.status, t.worker_id, t.version, t.actual_hours, o.status AS order_status, o.number
              FROM production_order_task t
              JOIN production_order o ON o.id = t.order_id
             WHERE t.id = :task AND t.professional_id = nexo_party_id()
               FOR UPDATE OF t
            """;

    private static final String INSERT_ENTRY = """
            INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id, work_date, started_at,
                                               ended_at, hours, hourly_rate, cost, note)
            VALUES (:id, :task, :order, :worker, nexo_party_id(), :date, :started, NULL, :hours, :rate, :cost, :note)
            """;

    /** Stops the professional's running clock as WorkService does: elapsed hours rounded, 0.01 to 24. */
    private static final String STOP = """
            UPDATE production_time_entry e
               SET ended_at = greatest(CAST(:now AS timestamptz), e.started_at), hours = h.hours,
                   cost = round(h.hours * e.hourly_rate, 2), version = e.version + 1
              FROM (SELECT id, least(24, greatest(0.01, round(CAST(extract(epoch FROM (CAST(:now AS timestamptz) - started_at))
                                                                      AS numeric) / 3600, 2))) AS hours
                      FROM production_time_entry
                     WHERE hours IS NULL AND professional_id = nexo_party_id()) h
             WHERE e.id = h.id
            RETURNING e.task_id
            """;

    private static final String TIME_COLUMNS = """
            e.id, e.task_id, o.number, e.work_date, e.started_at, e.ended_at, e.hours, e.hourly_rate, e.cost, e.note
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ArticleDirectory articles;
    private final TransactionTemplate reading;

    ProfessionalJobs(JdbcClient jdbc, Clock clock, ArticleDirectory articles, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.articles = articles;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    // ---------------------------------------------------------------- reading

    /** A page of the professional's jobs, by due date. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public Page<Job> jobs(JobFilter filter, PageCursor after, int limit) {
        ListQuery query = ListQuery.select(JOB_COLUMNS).from(JOB_FROM).where("t.professional_id = nexo_party_id()");
        switch (filter == null ? JobFilter.OPEN : filter) {
            case OPEN -> query.where("t.status <> 'DONE'");
            case DONE -> query.where("t.status = 'DONE'");
            case ALL -> {}
        }
        return query.page(jdbc, JOB_ORDER, after, limit, ProfessionalJobs::job);
    }

    /**
     * One of the professional's jobs; refused when it is not one (another's, or none). The job is read
     * in the professional's own transaction (row-level security proves it is its own); the article its
     * order makes is then read for it as system work of the tenant, since the catalogue is not open to
     * portal roles: its code and name only, of that one article.
     */
    @RolesAllowed(Roles.PROFESSIONAL)
    public JobDetails job(UUID taskId) {
        JobDetails found = reading.execute(status -> findJob(taskId)).orElseThrow(ProfessionalJobs::notFound);
        if (found.articleId() == null) {
            return found;
        }
        NexoUser user = CurrentUser.get().orElseThrow();
        ArticleSummary article = TenantContext.callAsSystem(
                        user.tenantId(), user.userId(), () -> articles.summaries(List.of(found.articleId())))
                .get(found.articleId());
        return found.withArticle(article);
    }

    /** How many of its jobs wait to be accepted (of orders that still take work). */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public long waitingToBeAccepted() {
        return jdbc.sql("""
                        SELECT count(*) FROM production_order_task t JOIN production_order o ON o.id = t.order_id
                         WHERE t.professional_id = nexo_party_id() AND t.status = 'OPEN'
                           AND o.status IN ('RELEASED', 'IN_PROGRESS')
                        """).query(Long.class).single();
    }

    /** The professional's running clock, if one runs. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public Optional<TimeRecord> runningClock() {
        return jdbc.sql("SELECT " + TIME_COLUMNS + """
                          FROM production_time_entry e JOIN production_order o ON o.id = e.order_id
                         WHERE e.professional_id = nexo_party_id() AND e.hours IS NULL
                        """)
                .query(ProfessionalJobs::timeRecord)
                .optional();
    }

    /** A page of its time records from {@code from} to {@code to} (both included), newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public Page<TimeRecord> timeRecords(LocalDate from, LocalDate to, PageCursor after, int limit) {
        checkPeriod(from, to);
        return ListQuery.select(TIME_COLUMNS)
                .from("production_time_entry e JOIN production_order o ON o.id = e.order_id")
                .where("e.professional_id = nexo_party_id()")
                .where("e.work_date >= :from", "from", from)
                .where("e.work_date <= :to", "to", to)
                .page(jdbc, TIME_ORDER, after, limit, ProfessionalJobs::timeRecord);
    }

    /** Its time records of one job, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public List<TimeRecord> timeOfJob(UUID taskId, int limit) {
        return jdbc.sql("SELECT " + TIME_COLUMNS + """
                          FROM production_time_entry e JOIN production_order o ON o.id = e.order_id
                         WHERE e.professional_id = nexo_party_id() AND e.task_id = :task
                         ORDER BY e.work_date DESC, e.started_at DESC NULLS LAST, e.created_at DESC
                         LIMIT :limit
                        """)
                .param("task", taskId)
                .param("limit", Math.clamp(limit, 1, 200))
                .query(ProfessionalJobs::timeRecord)
                .list();
    }

    /** What its stopped time from {@code from} to {@code to} is worth in total, over all its jobs. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public Earnings earnings(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return jdbc.sql("""
                        SELECT coalesce(sum(e.hours), 0) AS hours, coalesce(sum(e.cost), 0) AS amount
                          FROM production_time_entry e
                         WHERE e.professional_id = nexo_party_id() AND e.hours IS NOT NULL
                           AND e.work_date BETWEEN :from AND :to
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Earnings(from, to, rs.getBigDecimal("hours"), rs.getBigDecimal("amount")))
                .single();
    }

    /**
     * A page of what its stopped time from {@code from} to {@code to} is worth per job, the best paid
     * first; every job of the period is on some page (the totals are {@link #earnings}).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.PROFESSIONAL)
    public Page<Earnings.Line> earningsPerJob(LocalDate from, LocalDate to, PageCursor after, int limit) {
        checkPeriod(from, to);
        return ListQuery.select("j.task_id, j.number, j.hours, j.amount")
                .from(EARNINGS_PER_JOB)
                .param("from", from)
                .param("to", to)
                .page(
                        jdbc,
                        EARNINGS_ORDER,
                        after,
                        limit,
                        (rs, n) -> new Earnings.Line(
                                rs.getObject("task_id", UUID.class),
                                rs.getString("number"),
                                rs.getBigDecimal("hours"),
                                rs.getBigDecimal("amount")));
    }

    // ---------------------------------------------------------------- acting

    /** Accepts a job waiting to be accepted, unless it changed since {@code version} was read. */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public void accept(UUID taskId, long version) {
        TaskLock task = workableTask(taskId);
        if (task.version() != version) {
            throw changedMeanwhile();
        }
        if (!"OPEN".equals(task.status())) {
            throw new ProductionRuleException("portal.professional.error.already-accepted");
        }
        jdbc.sql("UPDATE production_order_task SET status = 'ACCEPTED', version = version + 1 WHERE id = :task")
                .param("task", taskId)
                .update();
    }

    /** Clocks on to an accepted job; refused while another clock of the professional runs. */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public void startClock(UUID taskId) {
        TaskLock task = taskForTime(taskId);
        Optional<String> running = jdbc.sql("""
                        SELECT coalesce(o.number, '') FROM production_time_entry e
                          JOIN production_order o ON o.id = e.order_id
                         WHERE e.professional_id = nexo_party_id() AND e.hours IS NULL
                        """).query(String.class).optional();
        if (running.isPresent()) {
            throw new ProductionRuleException("portal.professional.error.clock-running", running.get());
        }
        BigDecimal rate = rateOf(task.workerId());
        Instant now = clock.instant();
        try {
            jdbc.sql(INSERT_ENTRY)
                    .param("id", Ids.newId())
                    .param("task", taskId)
                    .param("order", task.orderId())
                    .param("worker", task.workerId())
                    .param("date", LocalDate.ofInstant(now, clock.getZone()))
                    .param("started", at(now))
                    .param("hours", null)
                    .param("rate", rate)
                    .param("cost", null)
                    .param("note", null)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ProductionRuleException("portal.professional.error.clock-running", "");
        }
        refresh(taskId, task.number());
    }

    /** What clocking off did. */
    public enum ClockStop {
        /** No clock of the professional was running. */
        NOT_RUNNING,
        /** The running time was recorded at its rate. */
        RECORDED,
        /** The order was closed or cancelled meanwhile: the running time was dropped, nothing recorded. */
        DISCARDED
    }

    /** Clocks off: the running time is recorded at its rate (or dropped, on an order that takes no more time). */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public ClockStop stopClock() {
        Optional<UUID> runningTask = jdbc.sql(
                        "SELECT task_id FROM production_time_entry WHERE professional_id = nexo_party_id() AND hours IS NULL")
                .query(UUID.class)
                .optional();
        if (runningTask.isEmpty()) {
            return ClockStop.NOT_RUNNING;
        }
        TaskLock task = lockTask(runningTask.get());
        if (!task.workable()) {
            jdbc.sql("DELETE FROM production_time_entry WHERE professional_id = nexo_party_id() AND hours IS NULL")
                    .update();
            return ClockStop.DISCARDED;
        }
        stop(clock.instant());
        refresh(task.id(), task.number());
        return ClockStop.RECORDED;
    }

    /** Logs typed hours on an accepted job on a day (not in the future), with an optional note. */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public void logHours(UUID taskId, LocalDate workDate, BigDecimal hours, String note) {
        if (hours == null
                || hours.signum() <= 0
                || hours.compareTo(DAY) > 0
                || hours.stripTrailingZeros().scale() > 2) {
            throw ProductionRuleException.onField("hours", "production.work.error.hours");
        }
        if (workDate == null || workDate.isAfter(LocalDate.now(clock))) {
            throw ProductionRuleException.onField("workDate", "production.work.error.work-date");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_LENGTH) {
            throw ProductionRuleException.onField("note", "production.work.error.note-length", NOTE_LENGTH);
        }
        TaskLock task = taskForTime(taskId);
        BigDecimal rate = rateOf(task.workerId());
        jdbc.sql(INSERT_ENTRY)
                .param("id", Ids.newId())
                .param("task", taskId)
                .param("order", task.orderId())
                .param("worker", task.workerId())
                .param("date", workDate)
                .param("started", null)
                .param("hours", hours)
                .param("rate", rate)
                .param("cost", hours.multiply(rate).setScale(2, RoundingMode.HALF_UP))
                .param("note", text)
                .update();
        refresh(taskId, task.number());
    }

    /**
     * Marks an accepted job done, unless it changed since {@code version}: it must have time recorded
     * (a clock running on it is stopped and counts).
     */
    @Transactional
    @RolesAllowed(Roles.PROFESSIONAL)
    public void markDone(UUID taskId, long version) {
        TaskLock task = taskForTime(taskId);
        if (task.version() != version) {
            throw changedMeanwhile();
        }
        boolean clockOnIt =
                jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM production_time_entry
                                        WHERE task_id = :task AND professional_id = nexo_party_id() AND hours IS NULL)
                        """).param("task", taskId).query(Boolean.class).single();
        if (task.actualHours().signum() == 0 && !clockOnIt) {
            throw new ProductionRuleException("portal.professional.error.done-without-time");
        }
        Instant now = clock.instant();
        if (clockOnIt) {
            stop(now);
            refresh(taskId, task.number());
        }
        jdbc.sql(
                        "UPDATE production_order_task SET status = 'DONE', done_at = :now, version = version + 1 WHERE id = :task")
                .param("task", taskId)
                .param("now", at(now))
                .update();
    }

    // ---------------------------------------------------------------- internals

    private Optional<JobDetails> findJob(UUID taskId) {
        if (taskId == null) {
            return Optional.empty();
        }
        return jdbc.sql(DETAILS)
                .param("task", taskId)
                .query(ProfessionalJobs::details)
                .optional();
    }

    private TaskLock lockTask(UUID taskId) {
        if (taskId == null) {
            throw notFound();
        }
        return jdbc.sql(TASK_FOR_WORK)
                .param("task", taskId)
                .query((rs, n) -> new TaskLock(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("status"),
                        rs.getObject("worker_id", UUID.class),
                        rs.getLong("version"),
                        rs.getBigDecimal("actual_hours"),
                        rs.getString("order_status"),
                        rs.getString("number")))
                .optional()
                .orElseThrow(ProfessionalJobs::notFound);
    }

    private TaskLock workableTask(UUID taskId) {
        TaskLock task = lockTask(taskId);
        if (!task.workable()) {
            throw notWorkable(task.number());
        }
        return task;
    }

    /** A job that takes time: accepted or in progress, of an order still worked on. */
    private TaskLock taskForTime(UUID taskId) {
        TaskLock task = workableTask(taskId);
        switch (task.status()) {
            case "OPEN" -> throw new ProductionRuleException("portal.professional.error.accept-first");
            case "DONE" -> throw new ProductionRuleException("production.work.error.task-done");
            default -> {}
        }
        return task;
    }

    /** The rate of the professional's own worker (which the task names): refused when it is inactive. */
    private BigDecimal rateOf(UUID workerId) {
        record Rate(BigDecimal rate, boolean active) {}
        Rate worker = jdbc.sql("""
                        SELECT hourly_rate, active FROM production_worker
                         WHERE id = :worker AND professional_id = nexo_party_id()
                        """)
                .param("worker", workerId)
                .query((rs, n) -> new Rate(rs.getBigDecimal("hourly_rate"), rs.getBoolean("active")))
                .optional()
                .orElseThrow(() -> new ProductionRuleException("portal.professional.error.not-your-job"));
        if (!worker.active()) {
            throw new ProductionRuleException("portal.professional.error.worker-inactive");
        }
        return worker.rate();
    }

    private void stop(Instant now) {
        jdbc.sql(STOP).param("now", at(now)).query(UUID.class).list();
    }

    private void refresh(UUID taskId, String orderNumber) {
        try {
            jdbc.sql("SELECT nexo_production_portal_refresh(:task)")
                    .param("task", taskId)
                    .query((rs, n) -> 0)
                    .list();
        } catch (DataAccessException refused) {
            if (refused.getMostSpecificCause() instanceof SQLException sql && NOT_WORKABLE.equals(sql.getSQLState())) {
                throw notWorkable(orderNumber);
            }
            throw refused;
        }
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new ProductionRuleException("portal.professional.error.period");
        }
    }

    private static ProductionRuleException notFound() {
        return new ProductionRuleException("portal.professional.error.job-not-found");
    }

    private static ProductionRuleException changedMeanwhile() {
        return new ProductionRuleException("production.work.error.changed-meanwhile");
    }

    private static ProductionRuleException notWorkable(String number) {
        return new ProductionRuleException("production.work.error.order-not-workable", Objects.toString(number, ""));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record TaskLock(
            UUID id,
            UUID orderId,
            String status,
            UUID workerId,
            long version,
            BigDecimal actualHours,
            String orderStatus,
            String number) {

        boolean workable() {
            return "RELEASED".equals(orderStatus) || "IN_PROGRESS".equals(orderStatus);
        }
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getBigDecimal("quantity"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("centre"),
                rs.getBigDecimal("planned_hours"),
                rs.getBigDecimal("actual_hours"),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getBoolean("running"));
    }

    private static JobDetails details(ResultSet rs, int n) throws SQLException {
        return new JobDetails(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("order_status"),
                rs.getBigDecimal("quantity"),
                instant(rs, "released_at"),
                instant(rs, "started_at"),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("centre"),
                rs.getString("notes"),
                rs.getBigDecimal("planned_hours"),
                rs.getBigDecimal("actual_hours"),
                rs.getBigDecimal("actual_cost"),
                rs.getBigDecimal("hourly_rate"),
                TaskStatus.valueOf(rs.getString("status")),
                instant(rs, "clock_since"),
                instant(rs, "done_at"),
                rs.getLong("version"),
                rs.getObject("article_id", UUID.class),
                null);
    }

    private static TimeRecord timeRecord(ResultSet rs, int n) throws SQLException {
        return new TimeRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("task_id", UUID.class),
                rs.getString("number"),
                rs.getObject("work_date", LocalDate.class),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getBigDecimal("hours"),
                rs.getBigDecimal("hourly_rate"),
                rs.getBigDecimal("cost"),
                rs.getString("note"));
    }
}
