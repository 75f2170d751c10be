package com.nexo.production.work;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.base.Ids;
import com.nexo.production.ProductionPermissions;
import com.nexo.production.ProductionRuleException;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import com.nexo.security.UserDirectory.UserName;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work centres, the workers who perform service work (employees and professionals) with their
 * hourly rates, the assignment of an order's service tasks, and the time recorded on them (a clock
 * started and stopped, or hours typed). Every change of time adds up again, in one statement, the
 * hours and cost of its tasks and the actual service cost of their orders; time is only recorded on
 * an order the shop floor may work on (released or in progress), and moves it to in progress.
 */
@Service
public class WorkService {

    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$");
    private static final BigDecimal MAX_RATE = new BigDecimal("9999999999.99");
    private static final BigDecimal DAY = new BigDecimal("24");
    private static final int NOTE_LENGTH = 500;

    private static final String CENTRE_COLUMNS = "id, code, name, hourly_rate, active, version";
    private static final String WORKER_COLUMNS =
            "id, kind, user_id, professional_id, name, hourly_rate, work_centre_id, active, version";

    private static final String TASKS = """
            SELECT t.id, t.order_id, t.position, t.article_id, t.planned_hours, t.worker_id, w.name AS worker_name,
                   t.professional_id, t.status, t.standard_rate, t.actual_hours, t.actual_cost, t.version,
                   r.worker_id AS running_worker, r.started_at AS running_since
              FROM production_order_task t
              LEFT JOIN production_worker w ON w.id = t.worker_id
              LEFT JOIN LATERAL (
                    SELECT e.worker_id, e.started_at FROM production_time_entry e
                     WHERE e.task_id = t.id AND e.hours IS NULL
                     ORDER BY e.started_at LIMIT 1) r ON true
             WHERE t.order_id = :order
             ORDER BY t.position
            """;

    /** A task with its order's state, both locked: time and assignment change them together. */
    private static final String TASK_FOR_WORK = """
            SELECT t.id, t.order_id, t.status, t.worker_id, o.status AS order_status, o.number
              FROM production_order_task t
              JOIN production_order o ON o.id = t.order_id
             WHERE t.id = :task
               FOR UPDATE OF t, o
            """;

    private static final String ENTRY_COLUMNS = """
            e.id, e.task_id, e.order_id, e.worker_id, w.name AS worker_name, e.professional_id, e.work_date,
            e.started_at, e.ended_at, e.hours, e.hourly_rate, e.cost, e.note
            """;

    private static final String INSERT_ENTRY = """
            INSERT INTO production_time_entry (id, task_id, order_id, worker_id, professional_id, work_date, started_at,
                                               ended_at, hours, hourly_rate, cost, note)
            VALUES (:id, :task, :order, :worker, :professional, :date, :started, NULL, :hours, :rate, :cost, :note)
            """;

    /**
     * Stops running clocks (of a worker, or on a task): hours are the time elapsed rounded to
     * hundredths, at least 0.01 and at most a day (a clock left running overnight); the cost is the
     * hours at the entry's rate. Returns the tasks it touched.
     */
    private static final String STOP = """
            UPDATE production_time_entry e
               SET ended_at = greatest(CAST(:now AS timestamptz), e.started_at), hours = h.hours,
                   cost = round(h.hours * e.hourly_rate, 2), version = e.version + 1
              FROM (SELECT id, least(24, greatest(0.01, round(CAST(extract(epoch FROM (CAST(:now AS timestamptz) - started_at))
                                                                      AS numeric) / 3600, 2))) AS hours
                      FROM production_time_entry
                     WHERE hours IS NULL AND (worker_id = CAST(:worker AS uuid) OR task_id = CAST(:task AS uuid))) h
             WHERE e.id = h.id
            RETURNING e.task_id
            """;

    /**
     * Adds up the recorded time of these tasks into their hours and cost (a task with time is in
     * progress unless done) and the time cost of their orders into actual_service_cost; a released
     * order with time on it is in progress.
     */
    private static final String REFRESH = """
            WITH sums AS (
                SELECT t.id, coalesce(sum(e.hours), 0) AS hours, coalesce(sum(e.cost), 0) AS cost,
                       count(e.id) > 0 AS worked
                  FROM production_order_task t
                  LEFT JOIN production_time_entry e ON e.task_id = t.id
                 WHERE t.id = ANY(CAST(:tasks AS uuid[]))
                 GROUP BY t.id),
            tasks AS (
                UPDATE production_order_task t
                   SET actual_hours = s.hours, actual_cost = s.cost, version = t.version + 1,
                       status = CASE WHEN s.worked AND t.status IN ('OPEN', 'ACCEPTED') THEN 'IN_PROGRESS' ELSE t.status END
                  FROM sums s
                 WHERE t.id = s.id
                RETURNING t.order_id, s.worked)
            UPDATE production_order o
               SET actual_service_cost = (SELECT coalesce(sum(e.cost), 0) FROM production_time_entry e WHERE e.order_id = o.id),
                   status = CASE WHEN o.status = 'RELEASED' AND x.worked THEN 'IN_PROGRESS' ELSE o.status END,
                   started_at = CASE WHEN x.worked THEN coalesce(o.started_at, CAST(:now AS timestamptz)) ELSE o.started_at END,
                   updated_at = CAST(:now AS timestamptz)
              FROM (SELECT order_id, bool_or(worked) AS worked FROM tasks GROUP BY order_id) x
             WHERE o.id = x.order_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UserDirectory users;
    private final AccountDirectory accounts;
    private final ArticleDirectory articles;

    WorkService(
            JdbcClient jdbc, Clock clock, UserDirectory users, AccountDirectory accounts, ArticleDirectory articles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.accounts = accounts;
        this.articles = articles;
    }

    // ---------------------------------------------------------------- work centres

    /** The work centres by code; inactive ones only when asked for. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<WorkCentre> workCentres(boolean includeInactive) {
        return jdbc.sql("SELECT " + CENTRE_COLUMNS + " FROM production_work_centre"
                        + (includeInactive ? "" : " WHERE active") + " ORDER BY code, id")
                .query(WorkService::centre)
                .list();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public WorkCentre workCentre(UUID id) {
        return jdbc.sql("SELECT " + CENTRE_COLUMNS + " FROM production_work_centre WHERE id = :id")
                .param("id", id)
                .query(WorkService::centre)
                .optional()
                .orElseThrow(() -> new ProductionRuleException("production.work.error.centre-not-found"));
    }

    @Transactional
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public UUID createWorkCentre(WorkCentreForm form) {
        check(form);
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                            INSERT INTO production_work_centre (id, code, name, hourly_rate, active)
                            VALUES (:id, :code, :name, :rate, :active)
                            """)
                    .param("id", id)
                    .param("code", form.code().strip())
                    .param("name", form.name().strip())
                    .param("rate", form.hourlyRate())
                    .param("active", form.active())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw ProductionRuleException.onField(
                    "code", "production.work.error.code-taken", form.code().strip());
        }
        return id;
    }

    /** Saves the centre as the form has it, unless someone saved it since {@code version} was read. */
    @Transactional
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public void updateWorkCentre(UUID id, long version, WorkCentreForm form) {
        check(form);
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE production_work_centre
                               SET code = :code, name = :name, hourly_rate = :rate, active = :active,
                                   updated_at = now(), version = version + 1
                             WHERE id = :id AND version = :version
                            """)
                    .param("id", id)
                    .param("version", version)
                    .param("code", form.code().strip())
                    .param("name", form.name().strip())
                    .param("rate", form.hourlyRate())
                    .param("active", form.active())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw ProductionRuleException.onField(
                    "code", "production.work.error.code-taken", form.code().strip());
        }
        if (updated == 0) {
            throw new ProductionRuleException("production.work.error.changed-meanwhile");
        }
    }

    /** Takes the centre out of the pickers; orders and bills that name it keep it. */
    @Transactional
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public void deactivateWorkCentre(UUID id, long version) {
        int updated = jdbc.sql("""
                        UPDATE production_work_centre SET active = false, updated_at = now(), version = version + 1
                         WHERE id = :id AND version = :version
                        """).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ProductionRuleException("production.work.error.changed-meanwhile");
        }
    }

    private static void check(WorkCentreForm form) {
        Objects.requireNonNull(form, "form");
        if (form.code() == null || !CODE.matcher(form.code().strip()).matches()) {
            throw ProductionRuleException.onField("code", "production.work.error.code-format");
        }
        if (form.name() == null || form.name().isBlank() || form.name().strip().length() > 120) {
            throw ProductionRuleException.onField("name", "production.work.error.name-required");
        }
        checkRate(form.hourlyRate());
    }

    private static void checkRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0 || rate.scale() > 2) {
            throw ProductionRuleException.onField("hourlyRate", "production.work.error.rate");
        }
    }

    // ---------------------------------------------------------------- workers

    /** The workers by name; inactive ones only when asked for. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<Worker> workers(boolean includeInactive) {
        return jdbc.sql("SELECT " + WORKER_COLUMNS + " FROM production_worker"
                        + (includeInactive ? "" : " WHERE active") + " ORDER BY lower(name), id")
                .query(WorkService::worker)
                .list();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Worker worker(UUID id) {
        return findWorker(id).orElseThrow(() -> new ProductionRuleException("production.work.error.worker-not-found"));
    }

    /** The active worker who is this user (an employee), if there is one: whose work the shop floor shows first. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Optional<Worker> workerOfUser(UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + WORKER_COLUMNS + " FROM production_worker WHERE user_id = :user AND active")
                .param("user", userId)
                .query(WorkService::worker)
                .optional();
    }

    /** The tenant's enabled employees: the choices of an employee worker. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public List<UserName> employees() {
        return users.activeEmployees();
    }

    /** Professionals matching {@code text}, best first: the choices of a professional worker. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public List<AccountName> professionalsMatching(String text, int limit) {
        return accounts.professionalsMatching(text, Math.clamp(limit, 1, 50));
    }

    @Transactional
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public UUID createWorker(WorkerForm form) {
        String name = checkAndName(form);
        UUID id = Ids.newId();
        try {
            jdbc.sql("""
                            INSERT INTO production_worker (id, kind, user_id, professional_id, name, hourly_rate,
                                                           work_centre_id, active)
                            VALUES (:id, :kind, :user, :professional, :name, :rate, :centre, :active)
                            """)
                    .param("id", id)
                    .param("kind", form.kind().name())
                    .param("user", form.kind() == WorkerKind.EMPLOYEE ? form.userId() : null)
                    .param("professional", form.kind() == WorkerKind.PROFESSIONAL ? form.professionalId() : null)
                    .param("name", name)
                    .param("rate", form.hourlyRate())
                    .param("centre", form.workCentreId())
                    .param("active", form.active())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw alreadyAWorker(form);
        }
        return id;
    }

    /** Saves the worker as the form has it (its name read again), unless someone saved it since {@code version}. */
    @Transactional
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public void updateWorker(UUID id, long version, WorkerForm form) {
        String name = checkAndName(form);
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE production_worker
                               SET kind = :kind, user_id = :user, professional_id = :professional, name = :name,
                                   hourly_rate = :rate, work_centre_id = :centre, active = :active,
                                   updated_at = now(), version = version + 1
                             WHERE id = :id AND version = :version
                            """)
                    .param("id", id)
                    .param("version", version)
                    .param("kind", form.kind().name())
                    .param("user", form.kind() == WorkerKind.EMPLOYEE ? form.userId() : null)
                    .param("professional", form.kind() == WorkerKind.PROFESSIONAL ? form.professionalId() : null)
                    .param("name", name)
                    .param("rate", form.hourlyRate())
                    .param("centre", form.workCentreId())
                    .param("active", form.active())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw alreadyAWorker(form);
        }
        if (updated == 0) {
            throw new ProductionRuleException("production.work.error.changed-meanwhile");
        }
    }

    /** Takes the worker out of the pickers; tasks and time that name them keep them. */
    @Transactional
    @RolesAllowed({ProductionPermissions.SETTINGS, Roles.SYSTEM})
    public void deactivateWorker(UUID id, long version) {
        int updated = jdbc.sql("""
                        UPDATE production_worker SET active = false, updated_at = now(), version = version + 1
                         WHERE id = :id AND version = :version
                        """).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw new ProductionRuleException("production.work.error.changed-meanwhile");
        }
    }

    private static ProductionRuleException alreadyAWorker(WorkerForm form) {
        return form.kind() == WorkerKind.EMPLOYEE
                ? ProductionRuleException.onField("userId", "production.work.error.already-worker")
                : ProductionRuleException.onField("professionalId", "production.work.error.already-worker");
    }

    /** Checks the form and reads the worker's name from the user or the account. */
    private String checkAndName(WorkerForm form) {
        Objects.requireNonNull(form, "form");
        if (form.kind() == null) {
            throw ProductionRuleException.onField("kind", "production.work.error.kind-required");
        }
        checkRate(form.hourlyRate());
        if (form.workCentreId() != null) {
            workCentre(form.workCentreId());
        }
        if (form.kind() == WorkerKind.EMPLOYEE) {
            if (form.userId() == null || !users.isEmployee(form.userId())) {
                throw ProductionRuleException.onField("userId", "production.work.error.not-employee");
            }
            String name = users.namesOf(List.of(form.userId())).get(form.userId());
            if (name == null || name.isBlank()) {
                throw ProductionRuleException.onField("userId", "production.work.error.no-name");
            }
            return trimmed(name);
        }
        if (form.professionalId() == null || !accounts.isProfessional(form.professionalId())) {
            throw ProductionRuleException.onField("professionalId", "production.work.error.not-professional");
        }
        String name = accounts.namesOf(List.of(form.professionalId())).get(form.professionalId());
        if (name == null || name.isBlank()) {
            throw ProductionRuleException.onField("professionalId", "production.work.error.no-name");
        }
        return trimmed(name);
    }

    private static String trimmed(String name) {
        String stripped = name.strip();
        return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
    }

    private Optional<Worker> findWorker(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + WORKER_COLUMNS + " FROM production_worker WHERE id = :id")
                .param("id", id)
                .query(WorkService::worker)
                .optional();
    }

    private Worker activeWorker(UUID id) {
        Worker worker =
                findWorker(id).orElseThrow(() -> new ProductionRuleException("production.work.error.worker-not-found"));
        if (!worker.active()) {
            throw new ProductionRuleException("production.work.error.worker-inactive", worker.name());
        }
        return worker;
    }

    // ---------------------------------------------------------------- tasks

    /** The service tasks of an order, by position, with their workers and running clocks. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<OrderTask> tasksOf(UUID orderId) {
        List<TaskRow> rows = jdbc.sql(TASKS)
                .param("order", orderId)
                .query(WorkService::taskRow)
                .list();
        Map<UUID, ArticleSummary> services =
                articles.summaries(rows.stream().map(TaskRow::articleId).toList());
        return rows.stream().map(row -> row.task(services.get(row.articleId()))).toList();
    }

    /**
     * Assigns a task to a worker (null: to nobody), at the worker's rate; a professional's account is
     * copied onto the task (what the professional portal filters on), an employee clears it.
     */
    @Transactional
    @RolesAllowed({ProductionPermissions.RELEASE, Roles.SYSTEM})
    public void assign(UUID taskId, UUID workerId) {
        TaskLock task = lockTask(taskId);
        if (!task.orderStatus().equals("RELEASED") && !task.orderStatus().equals("IN_PROGRESS")) {
            throw new ProductionRuleException("production.work.error.order-not-workable", task.number());
        }
        if ("DONE".equals(task.status())) {
            throw new ProductionRuleException("production.work.error.task-done");
        }
        if (workerId == null) {
            jdbc.sql("""
                            UPDATE production_order_task SET worker_id = NULL, professional_id = NULL, version = version + 1
                             WHERE id = :task
                            """).param("task", taskId).update();
            return;
        }
        Worker worker = activeWorker(workerId);
        jdbc.sql("""
                        UPDATE production_order_task
                           SET worker_id = :worker, professional_id = :professional, standard_rate = :rate,
                               version = version + 1
                         WHERE id = :task
                        """)
                .param("task", taskId)
                .param("worker", worker.id())
                .param("professional", worker.professionalId())
                .param("rate", worker.hourlyRate())
                .update();
    }

    /**
     * Starts the worker's clock on a task (a task nobody performs yet becomes theirs); refuses a
     * second running clock of the same worker. Returns the time entry.
     */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public UUID startClock(UUID taskId, UUID workerId) {
        TaskLock task = workableTask(taskId);
        Worker worker = activeWorker(workerId);
        Optional<String> running =
                jdbc.sql("""
                        SELECT coalesce(o.number, '') FROM production_time_entry e
                          JOIN production_order o ON o.id = e.order_id
                         WHERE e.worker_id = :worker AND e.hours IS NULL
                        """).param("worker", workerId).query(String.class).optional();
        if (running.isPresent()) {
            throw new ProductionRuleException("production.work.error.clock-running", worker.name(), running.get());
        }
        if (task.workerId() == null) {
            assignQuietly(taskId, worker);
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        try {
            jdbc.sql(INSERT_ENTRY)
                    .param("id", id)
                    .param("task", taskId)
                    .param("order", task.orderId())
                    .param("worker", worker.id())
                    .param("professional", worker.professionalId())
                    .param("date", LocalDate.ofInstant(now, clock.getZone()))
                    .param("started", at(now))
                    .param("hours", null)
                    .param("rate", worker.hourlyRate())
                    .param("cost", null)
                    .param("note", null)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ProductionRuleException("production.work.error.clock-running", worker.name(), "");
        }
        refresh(List.of(taskId), now);
        return id;
    }

    /** Stops the worker's running clock (nothing when none runs): hours and cost at the entry's rate. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void stopClock(UUID workerId) {
        Objects.requireNonNull(workerId, "workerId");
        Optional<UUID> runningTask = jdbc.sql(
                        "SELECT task_id FROM production_time_entry WHERE worker_id = :worker AND hours IS NULL")
                .param("worker", workerId)
                .query(UUID.class)
                .optional();
        if (runningTask.isEmpty()) {
            return;
        }
        TaskLock task = lockTask(runningTask.get());
        if ("CLOSED".equals(task.orderStatus()) || "CANCELLED".equals(task.orderStatus())) {
            // The order's costs are final (or it was cancelled): the time cannot go on it any more.
            jdbc.sql("DELETE FROM production_time_entry WHERE worker_id = :worker AND hours IS NULL")
                    .param("worker", workerId)
                    .update();
            return;
        }
        Instant now = clock.instant();
        List<UUID> tasks = stop(workerId, null, now);
        refresh(tasks, now);
    }

    /** Records typed hours (more than 0, at most 24) of a worker on a task on a date, at the worker's rate. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public UUID logHours(UUID taskId, UUID workerId, LocalDate workDate, BigDecimal hours, String note) {
        if (hours == null
                || hours.signum() <= 0
                || hours.compareTo(DAY) > 0
                || hours.stripTrailingZeros().scale() > 2) {
            throw ProductionRuleException.onField("hours", "production.work.error.hours");
        }
        Instant now = clock.instant();
        if (workDate == null || workDate.isAfter(LocalDate.ofInstant(now, clock.getZone()))) {
            throw ProductionRuleException.onField("workDate", "production.work.error.work-date");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_LENGTH) {
            throw ProductionRuleException.onField("note", "production.work.error.note-length", NOTE_LENGTH);
        }
        TaskLock task = workableTask(taskId);
        Worker worker = activeWorker(workerId);
        if (task.workerId() == null) {
            assignQuietly(taskId, worker);
        }
        UUID id = Ids.newId();
        jdbc.sql(INSERT_ENTRY)
                .param("id", id)
                .param("task", taskId)
                .param("order", task.orderId())
                .param("worker", worker.id())
                .param("professional", worker.professionalId())
                .param("date", workDate)
                .param("started", null)
                .param("hours", hours)
                .param("rate", worker.hourlyRate())
                .param("cost", hours.multiply(worker.hourlyRate()).setScale(2, RoundingMode.HALF_UP))
                .param("note", text)
                .update();
        refresh(List.of(taskId), now);
        return id;
    }

    /** Marks a task done; clocks running on it are stopped and their time recorded. */
    @Transactional
    @RolesAllowed({ProductionPermissions.RECORD, Roles.SYSTEM})
    public void finishTask(UUID taskId) {
        TaskLock task = workableTask(taskId);
        if ("DONE".equals(task.status())) {
            return;
        }
        Instant now = clock.instant();
        stop(null, taskId, now);
        refresh(List.of(taskId), now);
        jdbc.sql("""
                        UPDATE production_order_task SET status = 'DONE', done_at = :now, version = version + 1
                         WHERE id = :task
                        """).param("task", taskId).param("now", at(now)).update();
    }

    /** The time recorded on a task, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<TimeEntry> timeOf(UUID taskId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                          FROM production_time_entry e JOIN production_worker w ON w.id = e.worker_id
                         WHERE e.task_id = :task
                         ORDER BY e.work_date DESC, e.started_at DESC NULLS LAST, e.created_at DESC
                        """)
                .param("task", taskId)
                .query(WorkService::entry)
                .list();
    }

    /** A worker's time from {@code from} to {@code to} (both included), newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public List<TimeEntry> timeOfWorker(UUID workerId, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                          FROM production_time_entry e JOIN production_worker w ON w.id = e.worker_id
                         WHERE e.worker_id = :worker AND e.work_date BETWEEN :from AND :to
                         ORDER BY e.work_date DESC, e.started_at DESC NULLS LAST, e.created_at DESC
                        """)
                .param("worker", workerId)
                .param("from", from)
                .param("to", to)
                .query(WorkService::entry)
                .list();
    }

    /** The worker's running clock, if one runs. */
    @Transactional(readOnly = true)
    @RolesAllowed({ProductionPermissions.READ, Roles.SYSTEM})
    public Optional<TimeEntry> runningClock(UUID workerId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                          FROM production_time_entry e JOIN production_worker w ON w.id = e.worker_id
                         WHERE e.worker_id = :worker AND e.hours IS NULL
                        """)
                .param("worker", workerId)
                .query(WorkService::entry)
                .optional();
    }

    private void assignQuietly(UUID taskId, Worker worker) {
        jdbc.sql("""
                        UPDATE production_order_task
                           SET worker_id = :worker, professional_id = :professional, standard_rate = :rate
                         WHERE id = :task AND worker_id IS NULL
                        """)
                .param("task", taskId)
                .param("worker", worker.id())
                .param("professional", worker.professionalId())
                .param("rate", worker.hourlyRate())
                .update();
    }

    private TaskLock lockTask(UUID taskId) {
        Objects.requireNonNull(taskId, "taskId");
        return jdbc.sql(TASK_FOR_WORK)
                .param("task", taskId)
                .query((rs, n) -> new TaskLock(
                        rs.getObject("id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("status"),
                        rs.getObject("worker_id", UUID.class),
                        rs.getString("order_status"),
                        rs.getString("number")))
                .optional()
                .orElseThrow(() -> new ProductionRuleException("production.work.error.task-not-found"));
    }

    /** The task, locked with its order, refused unless the order is released or in progress and the task not done. */
    private TaskLock workableTask(UUID taskId) {
        TaskLock task = lockTask(taskId);
        if (!task.orderStatus().equals("RELEASED") && !task.orderStatus().equals("IN_PROGRESS")) {
            throw new ProductionRuleException(
                    "production.work.error.order-not-workable", task.number() == null ? "" : task.number());
        }
        return task;
    }

    private List<UUID> stop(UUID workerId, UUID taskId, Instant now) {
        return jdbc
                .sql(STOP)
                .param("now", at(now))
                .param("worker", workerId)
                .param("task", taskId)
                .query(UUID.class)
                .list()
                .stream()
                .distinct()
                .toList();
    }

    private void refresh(List<UUID> taskIds, Instant now) {
        if (taskIds.isEmpty()) {
            return;
        }
        jdbc.sql(REFRESH)
                .param("tasks", taskIds.toArray(UUID[]::new))
                .param("now", at(now))
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record TaskLock(UUID id, UUID orderId, String status, UUID workerId, String orderStatus, String number) {}

    private record TaskRow(
            UUID id,
            UUID orderId,
            int position,
            UUID articleId,
            BigDecimal plannedHours,
            UUID workerId,
            String workerName,
            UUID professionalId,
            TaskStatus status,
            BigDecimal standardRate,
            BigDecimal actualHours,
            BigDecimal actualCost,
            UUID runningWorkerId,
            Instant runningSince,
            long version) {

        OrderTask task(ArticleSummary service) {
            return new OrderTask(
                    id,
                    orderId,
                    position,
                    service,
                    plannedHours,
                    workerId,
                    workerName,
                    professionalId,
                    status,
                    standardRate,
                    actualHours,
                    actualCost,
                    runningWorkerId,
                    runningSince,
                    version);
        }
    }

    private static TaskRow taskRow(ResultSet rs, int n) throws SQLException {
        return new TaskRow(
                rs.getObject("id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getInt("position"),
                rs.getObject("article_id", UUID.class),
                rs.getBigDecimal("planned_hours"),
                rs.getObject("worker_id", UUID.class),
                rs.getString("worker_name"),
                rs.getObject("professional_id", UUID.class),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("standard_rate"),
                rs.getBigDecimal("actual_hours"),
                rs.getBigDecimal("actual_cost"),
                rs.getObject("running_worker", UUID.class),
                instant(rs, "running_since"),
                rs.getLong("version"));
    }

    private static WorkCentre centre(ResultSet rs, int n) throws SQLException {
        return new WorkCentre(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getBigDecimal("hourly_rate"),
                rs.getBoolean("active"),
                rs.getLong("version"));
    }

    private static Worker worker(ResultSet rs, int n) throws SQLException {
        return new Worker(
                rs.getObject("id", UUID.class),
                WorkerKind.valueOf(rs.getString("kind")),
                rs.getObject("user_id", UUID.class),
                rs.getObject("professional_id", UUID.class),
                rs.getString("name"),
                rs.getBigDecimal("hourly_rate"),
                rs.getObject("work_centre_id", UUID.class),
                rs.getBoolean("active"),
                rs.getLong("version"));
    }

    private static TimeEntry entry(ResultSet rs, int n) throws SQLException {
        return new TimeEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("task_id", UUID.class),
                rs.getObject("order_id", UUID.class),
                rs.getObject("worker_id", UUID.class),
                rs.getString("worker_name"),
                rs.getObject("professional_id", UUID.class),
                rs.getObject("work_date", LocalDate.class),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getBigDecimal("hours"),
                rs.getBigDecimal("hourly_rate"),
                rs.getBigDecimal("cost"),
                rs.getString("note"));
    }
}
