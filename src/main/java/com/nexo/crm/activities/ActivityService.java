package com.nexo.crm.activities;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.Ids;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.visibility.CrmVisibility;
import com.nexo.crm.visibility.Visibility;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls, meetings, tasks and notes on leads, opportunities and accounts: created, edited (with a
 * version check), completed and reopened, deleted; listed per record (newest first) and as the current
 * user's "my activities" in three groups by due date in the user's time zone (overdue, today,
 * upcoming), read page by page by key over {@code crm_activity_mine_idx}.
 *
 * <p>Every method checks a CRM permission, and the CRM's visibility rule ({@link CrmVisibility}): an
 * activity's owner is its assignee, so a salesperson who sees only its own records sees and changes
 * only the activities assigned to it (and to its teams' members with {@code crm.team}).
 */
@Service
public class ActivityService {

    /** The longest page a list may ask for. */
    public static final int MAX_PAGE = 200;

    private static final String COLUMNS = """
            a.id, a.kind, a.subject, a.notes, a.lead_id, a.opportunity_id, a.account_id, a.due_at, a.duration_min,
            a.assignee_id, a.done, a.remind_at, a.created_at, a.version,
            coalesce(o.title, l.person_name || coalesce(' (' || l.company_name || ')', ''), l.company_name) AS about_name
            """;

    private static final String FROM = """
            crm_activity a
            LEFT JOIN crm_lead l ON l.tenant_id = a.tenant_id AND l.id = a.lead_id
            LEFT JOIN crm_opportunity o ON o.tenant_id = a.tenant_id AND o.id = a.opportunity_id
            """;

    private static final ListOrder BY_DUE = ListOrder.keyset("a.due_at", "timestamptz", "a.id", false);
    private static final ListOrder NEWEST_FIRST = ListOrder.keyset("a.created_at", "timestamptz", "a.id", true);

    private static final RowMapper<ActivityRow> ROW = ActivityService::row;

    private static final String INSERT = """
            INSERT INTO crm_activity (id, kind, subject, notes, lead_id, opportunity_id, account_id, due_at, duration_min,
                                      assignee_id, remind_at)
            VALUES (:id, :kind, :subject, :notes, :lead, :opportunity, :account, :due, :duration, :assignee, :remind)
            """;

    private static final String UPDATE = """
            UPDATE crm_activity
               SET kind = :kind, subject = :subject, notes = :notes, due_at = :due, duration_min = :duration,
                   assignee_id = :assignee, remind_at = :remind,
                   reminded_at = CASE WHEN remind_at IS DISTINCT FROM :remind THEN NULL ELSE reminded_at END,
                   updated_at = now(), version = version + 1
             WHERE id = :id AND version = :version
            RETURNING version
            """;

    private final JdbcClient jdbc;
    private final CrmVisibility visibility;
    private final UserDirectory users;
    private final AccountDirectory accounts;
    private final Validator validator;
    private final Clock clock;

    ActivityService(
            JdbcClient jdbc,
            CrmVisibility visibility,
            UserDirectory users,
            AccountDirectory accounts,
            Validator validator,
            Clock clock) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.users = users;
        this.accounts = accounts;
        this.validator = validator;
        this.clock = clock;
    }

    /** A choice of a picker: a lead, an opportunity, an account or a user, by id and name. */
    public record Choice(UUID id, String name) {}

    /** An empty form for a new activity about {@code about}, assigned to the current user, due tomorrow. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.CREATE)
    public ActivityForm newForm(About about, ZoneId zone) {
        ActivityForm form = new ActivityForm();
        form.setAbout(about);
        form.setZone(zone);
        form.setKind(ActivityKind.TASK);
        form.setDueDate(LocalDate.now(clock.withZone(form.getZone())).plusDays(1));
        form.setDueTime(LocalTime.of(9, 0));
        form.setAssigneeId(CurrentUser.get().map(NexoUser::userId).orElse(null));
        return form;
    }

    /** Creates the activity the form describes; returns its id. */
    @Transactional
    @RolesAllowed({CrmPermissions.CREATE, Roles.SYSTEM})
    public UUID create(ActivityForm form) {
        Objects.requireNonNull(form, "form");
        validate(form);
        About about = form.getAbout();
        if (about == null) {
            throw ActivityRuleException.onField("about", "crm.activities.validation.about-required");
        }
        Visibility seen = visibility.current();
        UUID lead = null;
        UUID opportunity = null;
        UUID account = null;
        switch (about.type()) {
            case LEAD -> {
                requireSeenOwner(seen, "SELECT owner_id FROM crm_lead WHERE id = :id", about.id());
                lead = about.id();
            }
            case OPPORTUNITY -> {
                Optional<UUID[]> found = jdbc.sql("SELECT account_id, owner_id FROM crm_opportunity WHERE id = :id")
                        .param("id", about.id())
                        .query((row, i) -> new UUID[] {
                            row.getObject("account_id", UUID.class), row.getObject("owner_id", UUID.class)
                        })
                        .optional();
                if (found.isEmpty() || !seen.sees(found.get()[1])) {
                    throw ActivityRuleException.onField("about", "crm.activities.error.record-not-found");
                }
                opportunity = about.id();
                account = found.get()[0];
            }
            case ACCOUNT -> {
                if (accounts.namesOf(List.of(about.id())).isEmpty()) {
                    throw ActivityRuleException.onField("about", "crm.activities.error.record-not-found");
                }
                account = about.id();
            }
        }
        checkAssignee(seen, form.getAssigneeId());
        UUID id = Ids.newId();
        Instant due = dueOf(form);
        jdbc.sql(INSERT)
                .param("id", id)
                .param("kind", form.getKind().name())
                .param("subject", form.getSubject().strip())
                .param("notes", blankToNull(form.getNotes()))
                .param("lead", lead)
                .param("opportunity", opportunity)
                .param("account", account)
                .param("due", timestamp(due))
                .param("duration", form.getDurationMinutes())
                .param("assignee", form.getAssigneeId())
                .param("remind", timestamp(remindOf(form, due)))
                .update();
        return id;
    }

    /** The form of an existing activity, in {@code zone}. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public ActivityForm getForm(UUID id, ZoneId zone) {
        ActivityRow row = find(id).orElseThrow(ActivityRuleException::notFound);
        ActivityForm form = new ActivityForm();
        form.setId(row.id());
        form.setVersion(row.version());
        form.setAbout(row.about());
        form.setZone(zone);
        form.setKind(row.kind());
        form.setSubject(row.subject());
        form.setNotes(row.notes());
        if (row.dueAt() != null) {
            ZonedDateTime due = row.dueAt().atZone(form.getZone());
            form.setDueDate(due.toLocalDate());
            form.setDueTime(due.toLocalTime());
            if (row.remindAt() != null) {
                form.setRemindMinutesBefore((int)
                        java.time.Duration.between(row.remindAt(), row.dueAt()).toMinutes());
            }
        }
        form.setDurationMinutes(row.durationMinutes());
        form.setAssigneeId(row.assigneeId());
        return form;
    }

    /**
     * Saves the form over the activity it was read from. When someone changed it since (another
     * version), nothing is written and {@link ActivityRuleException#changed()} says so. Returns the new
     * version.
     */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public long update(ActivityForm form) {
        Objects.requireNonNull(form, "form");
        validate(form);
        Visibility seen = visibility.current();
        UUID currentAssignee = assigneeOf(form.getId(), seen);
        if (!Objects.equals(currentAssignee, form.getAssigneeId())) {
            checkAssignee(seen, form.getAssigneeId());
        }
        Instant due = dueOf(form);
        return jdbc.sql(UPDATE)
                .param("id", form.getId())
                .param("version", form.getVersion())
                .param("kind", form.getKind().name())
                .param("subject", form.getSubject().strip())
                .param("notes", blankToNull(form.getNotes()))
                .param("due", timestamp(due))
                .param("duration", form.getDurationMinutes())
                .param("assignee", form.getAssigneeId())
                .param("remind", timestamp(remindOf(form, due)))
                .query(Long.class)
                .optional()
                .orElseThrow(ActivityRuleException::changed);
    }

    /** Marks the activity done (nothing when it already is). */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public void markDone(UUID id) {
        assigneeOf(id, visibility.current());
        jdbc.sql("""
                        UPDATE crm_activity SET done = true, done_at = now(), updated_at = now(), version = version + 1
                         WHERE id = :id AND NOT done
                        """).param("id", id).update();
    }

    /** Opens the activity again (nothing when it is not done). */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public void markUndone(UUID id) {
        assigneeOf(id, visibility.current());
        jdbc.sql("""
                        UPDATE crm_activity SET done = false, done_at = NULL, updated_at = now(), version = version + 1
                         WHERE id = :id AND done
                        """).param("id", id).update();
    }

    /** Deletes the activity. */
    @Transactional
    @RolesAllowed(CrmPermissions.DELETE)
    public void delete(UUID id) {
        assigneeOf(id, visibility.current());
        jdbc.sql("DELETE FROM crm_activity WHERE id = :id").param("id", id).update();
    }

    /** One activity, if it exists and the current user sees it. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Optional<ActivityRow> find(UUID id) {
        Page<ActivityRow> page = visible(ListQuery.select(COLUMNS).from(FROM), visibility.current())
                .where("a.id = :id", "id", id)
                .page(jdbc, NEWEST_FIRST, null, 1, ROW);
        return named(page.rows()).stream().findFirst();
    }

    /**
     * The activities of a record, newest first: of a lead, of an opportunity, or of an account (those of
     * its opportunities included), those the user sees.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public Page<ActivityRow> forRecord(About about, PageCursor after, int limit) {
        String column = switch (about.type()) {
            case LEAD -> "a.lead_id";
            case OPPORTUNITY -> "a.opportunity_id";
            case ACCOUNT -> "a.account_id";
        };
        ListQuery query = visible(ListQuery.select(COLUMNS).from(FROM), visibility.current())
                .where(column + " = :record", "record", about.id());
        Page<ActivityRow> page = query.page(jdbc, NEWEST_FIRST, after, Math.min(limit, MAX_PAGE), ROW);
        return new Page<>(named(page.rows()), page.next());
    }

    /**
     * The current user's open activities of one group, by due time: due before today, today, or after
     * today in {@code zone}; activities without a due date are in none.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public Page<ActivityRow> mine(ActivityGroup group, ZoneId zone, PageCursor after, int limit) {
        UUID me = CurrentUser.get().map(NexoUser::userId).orElse(null);
        if (me == null) {
            return Page.empty();
        }
        ZonedDateTime today = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone);
        OffsetDateTime startOfToday = timestamp(today.toInstant());
        OffsetDateTime startOfTomorrow = timestamp(today.plusDays(1).toInstant());
        ListQuery query = ListQuery.select(COLUMNS)
                .from(FROM)
                .where("a.assignee_id = :me", "me", me)
                .where("NOT a.done");
        switch (group) {
            case OVERDUE -> query.where("a.due_at < :from", "from", startOfToday);
            case TODAY ->
                query.where("a.due_at >= :from", "from", startOfToday).where("a.due_at < :to", "to", startOfTomorrow);
            case UPCOMING -> query.where("a.due_at >= :to", "to", startOfTomorrow);
        }
        Page<ActivityRow> page = query.page(jdbc, BY_DUE, after, Math.min(limit, MAX_PAGE), ROW);
        return new Page<>(named(page.rows()), page.next());
    }

    /** The employees the current user may assign activities to (those it sees), by name. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public List<Choice> assignees() {
        Visibility seen = visibility.current();
        return users.activeEmployees().stream()
                .filter(user -> seen.sees(user.id()))
                .map(user -> new Choice(user.id(), user.displayName()))
                .toList();
    }

    /** Leads, open opportunities or accounts (prospects too) whose name matches {@code text}: what a new activity is about. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public List<Choice> records(About.Type type, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        int size = Math.max(1, Math.min(limit, 50));
        if (type == About.Type.ACCOUNT) {
            return accounts.accountsMatching(text, size).stream()
                    .map(account -> new Choice(account.id(), account.name()))
                    .toList();
        }
        Visibility seen = visibility.current();
        String pattern =
                "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = type == About.Type.LEAD ? """
                  SELECT id, coalesce(person_name || coalesce(' (' || company_name || ')', ''), company_name) AS name, owner_id
                    FROM crm_lead
                   WHERE status IN ('NEW', 'WORKING') AND (person_name ILIKE :pattern OR company_name ILIKE :pattern)
                   ORDER BY created_at DESC LIMIT :limit
                  """ : """
                  SELECT id, title AS name, owner_id FROM crm_opportunity
                   WHERE status = 'OPEN' AND title ILIKE :pattern
                   ORDER BY expected_close, id LIMIT :limit
                  """;
        List<Choice> choices = new ArrayList<>();
        jdbc.sql(sql).param("pattern", pattern).param("limit", size * 4).query((ResultSet row) -> {
            if (choices.size() < size && seen.sees(row.getObject("owner_id", UUID.class))) {
                choices.add(new Choice(row.getObject("id", UUID.class), row.getString("name")));
            }
        });
        return choices;
    }

    /** The name of a record an activity may be about (for a form's title); empty when unseen. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public Optional<String> recordName(About about) {
        return switch (about.type()) {
            case ACCOUNT ->
                Optional.ofNullable(accounts.namesOf(List.of(about.id())).get(about.id()));
            case LEAD ->
                jdbc.sql("SELECT coalesce(person_name, company_name) FROM crm_lead WHERE id = :id")
                        .param("id", about.id())
                        .query(String.class)
                        .optional();
            case OPPORTUNITY ->
                jdbc.sql("SELECT title FROM crm_opportunity WHERE id = :id")
                        .param("id", about.id())
                        .query(String.class)
                        .optional();
        };
    }

    private void validate(ActivityForm form) {
        Set<ConstraintViolation<ActivityForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<ActivityForm> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow();
            String template = first.getMessageTemplate();
            // Standard constraints without a message of ours get a general one.
            String fallbackKey = "crm.activities.validation.invalid";
            String key = template.startsWith("{crm.") && template.endsWith("}")
                    ? template.substring(1, template.length() - 1)
                    : fallbackKey;
            throw ActivityRuleException.onField(first.getPropertyPath().toString(), key);
        }
        if (form.getKind() != ActivityKind.NOTE && form.getDueDate() == null) {
            throw ActivityRuleException.onField("dueDate", "crm.activities.validation.due-required");
        }
        if (form.getRemindMinutesBefore() != null && form.getDueDate() == null) {
            throw ActivityRuleException.onField("remindMinutesBefore", "crm.activities.validation.reminder-needs-due");
        }
    }

    private static Instant dueOf(ActivityForm form) {
        if (form.getDueDate() == null) {
            return null;
        }
        LocalTime time = form.getDueTime() == null ? LocalTime.MIDNIGHT : form.getDueTime();
        return form.getDueDate().atTime(time).atZone(form.getZone()).toInstant();
    }

    private static Instant remindOf(ActivityForm form, Instant due) {
        if (due == null || form.getRemindMinutesBefore() == null) {
            return null;
        }
        return due.minusSeconds(60L * form.getRemindMinutesBefore());
    }

    /** Refuses a lead whose owner the user does not see, or that does not exist. */
    private void requireSeenOwner(Visibility seen, String sql, UUID id) {
        List<Optional<UUID>> owners = jdbc.sql(sql)
                .param("id", id)
                .query((row, i) -> Optional.ofNullable(row.getObject(1, UUID.class)))
                .list();
        if (owners.isEmpty() || !seen.sees(owners.getFirst().orElse(null))) {
            throw ActivityRuleException.onField("about", "crm.activities.error.record-not-found");
        }
    }

    /** An activity's assignee may be nobody, or an employee the current user sees. */
    private void checkAssignee(Visibility seen, UUID assignee) {
        if (assignee == null) {
            if (!seen.unowned()) {
                throw ActivityRuleException.onField("assigneeId", "crm.activities.validation.assignee-required");
            }
            return;
        }
        if (!seen.sees(assignee) || !users.isEmployee(assignee)) {
            throw ActivityRuleException.onField("assigneeId", "crm.activities.error.assignee-not-allowed");
        }
    }

    /** The activity's assignee; refuses an activity that does not exist or that the user does not see. */
    private UUID assigneeOf(UUID id, Visibility seen) {
        List<Optional<UUID>> found = jdbc.sql("SELECT assignee_id FROM crm_activity WHERE id = :id")
                .param("id", id)
                .query((row, i) -> Optional.ofNullable(row.getObject(1, UUID.class)))
                .list();
        if (found.isEmpty() || !seen.sees(found.getFirst().orElse(null))) {
            throw ActivityRuleException.notFound();
        }
        return found.getFirst().orElse(null);
    }

    private static ListQuery visible(ListQuery query, Visibility seen) {
        if (seen.all()) {
            return query;
        }
        query.param("owners", seen.ownerArray());
        return query.where(
                seen.unowned()
                        ? "(a.assignee_id = ANY (:owners) OR a.assignee_id IS NULL)"
                        : "a.assignee_id = ANY (:owners)");
    }

    /** The rows with the names of the accounts (accounts module) and assignees (users module) filled in. */
    private List<ActivityRow> named(List<ActivityRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Set<UUID> accountIds = new HashSet<>();
        Set<UUID> userIds = new HashSet<>();
        for (ActivityRow row : rows) {
            if (row.about().type() == About.Type.ACCOUNT) {
                accountIds.add(row.about().id());
            }
            if (row.assigneeId() != null) {
                userIds.add(row.assigneeId());
            }
        }
        Map<UUID, String> accountNames = accountIds.isEmpty() ? Map.of() : accounts.namesOf(accountIds);
        Map<UUID, String> userNames = users.namesOf(userIds);
        return rows.stream()
                .map(row -> row.withNames(
                        row.about().type() == About.Type.ACCOUNT
                                ? accountNames.getOrDefault(row.about().id(), "")
                                : row.aboutName(),
                        row.assigneeId() == null ? null : userNames.get(row.assigneeId())))
                .toList();
    }

    private static ActivityRow row(ResultSet row, int i) throws SQLException {
        UUID lead = row.getObject("lead_id", UUID.class);
        UUID opportunity = row.getObject("opportunity_id", UUID.class);
        UUID account = row.getObject("account_id", UUID.class);
        About about = lead != null
                ? About.lead(lead)
                : opportunity != null ? About.opportunity(opportunity) : About.account(account);
        return new ActivityRow(
                row.getObject("id", UUID.class),
                ActivityKind.valueOf(row.getString("kind")),
                row.getString("subject"),
                row.getString("notes"),
                about,
                row.getString("about_name"),
                instant(row.getObject("due_at", OffsetDateTime.class)),
                row.getObject("duration_min", Integer.class),
                row.getObject("assignee_id", UUID.class),
                null,
                row.getBoolean("done"),
                instant(row.getObject("remind_at", OffsetDateTime.class)),
                instant(row.getObject("created_at", OffsetDateTime.class)),
                row.getLong("version"));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
