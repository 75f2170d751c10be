package com.nexo.crm.opportunities;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.Ids;
import com.nexo.base.paging.ListOrder;
import com.nexo.base.paging.ListQuery;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.visibility.CrmVisibility;
import com.nexo.crm.visibility.Visibility;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.sales.SalesPermissions;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities: created in a stage of a pipeline, moved from stage to stage (taking the stage's
 * probability), won, lost with a reason, reopened. Every change names the version it was read at
 * and is refused when someone saved the opportunity in between. Every read and change applies the
 * user's {@link Visibility}: an opportunity the user does not see reads as missing. Entering a stage
 * (creation included) publishes {@link OpportunityStageChanged} inside the changing transaction.
 */
@Service
public class OpportunityService {

    /** How many accounts a search's account-name part matches at most. */
    static final int ACCOUNT_MATCHES = 200;

    private static final String SUMMARY_COLUMNS = """
            o.id, o.title, o.account_id, o.amount, o.currency, o.status, o.owner_id, o.stage_id,
            o.pipeline_id, o.quote_id, o.version""";

    /** What winning writes, whoever wins it (the user, or the quote it was made into). */
    private static final String WON =
            "status = 'WON', closed_at = now(), probability = 100, updated_at = now(), version = version + 1 ";

    /** The columns {@link #ROW} reads. */
    public static final String ROW_COLUMNS = """
            o.id, o.title, o.account_id, o.amount, o.currency, o.probability, o.expected_close, o.owner_id,
            o.pipeline_id, o.stage_id, o.status, o.version""";

    public static final RowMapper<OpportunityRow> ROW = (rs, n) -> new OpportunityRow(
            rs.getObject("id", UUID.class),
            rs.getString("title"),
            rs.getObject("account_id", UUID.class),
            null,
            rs.getBigDecimal("amount"),
            rs.getString("currency"),
            rs.getInt("probability"),
            rs.getObject("expected_close", LocalDate.class),
            rs.getObject("owner_id", UUID.class),
            null,
            rs.getObject("pipeline_id", UUID.class),
            rs.getObject("stage_id", UUID.class),
            OpportunityStatus.valueOf(rs.getString("status")),
            rs.getLong("version"));

    private static final RowMapper<OpportunitySummary> SUMMARY = (rs, n) -> new OpportunitySummary(
            rs.getObject("id", UUID.class),
            rs.getString("title"),
            rs.getObject("account_id", UUID.class),
            rs.getBigDecimal("amount"),
            rs.getString("currency"),
            OpportunityStatus.valueOf(rs.getString("status")),
            rs.getObject("owner_id", UUID.class),
            rs.getObject("stage_id", UUID.class),
            rs.getObject("pipeline_id", UUID.class),
            rs.getObject("quote_id", UUID.class),
            rs.getLong("version"));

    /** The row as a change reads it, locked. */
    private record Current(
            UUID id,
            UUID tenantId,
            UUID pipelineId,
            UUID stageId,
            UUID ownerId,
            OpportunityStatus status,
            long version) {

        static Current of(ResultSet rs) throws SQLException {
            return new Current(
                    rs.getObject("id", UUID.class),
                    rs.getObject("tenant_id", UUID.class),
                    rs.getObject("pipeline_id", UUID.class),
                    rs.getObject("stage_id", UUID.class),
                    rs.getObject("owner_id", UUID.class),
                    OpportunityStatus.valueOf(rs.getString("status")),
                    rs.getLong("version"));
        }
    }

    private final JdbcClient jdbc;
    private final CrmVisibility visibility;
    private final AccountDirectory accounts;
    private final UserDirectory users;
    private final ChangeHistory history;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    OpportunityService(
            JdbcClient jdbc,
            CrmVisibility visibility,
            AccountDirectory accounts,
            UserDirectory users,
            ChangeHistory history,
            ApplicationEventPublisher events,
            Validator validator) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.accounts = accounts;
        this.users = users;
        this.history = history;
        this.events = events;
        this.validator = validator;
    }

    // ---- changes -------------------------------------------------------------------------------

    /**
     * A new open opportunity in the form's stage, owned by the form's owner (null: the user saving
     * it), with the stage's probability unless the form gives one.
     */
    @Transactional
    @RolesAllowed({CrmPermissions.CREATE, Roles.SYSTEM})
    public UUID create(OpportunityForm form) {
        valid(form);
        Visibility seen = visibility.current();
        UUID owner = form.ownerId() != null
                ? form.ownerId()
                : CurrentUser.get().map(NexoUser::userId).orElse(null);
        checkOwner(seen, owner);
        checkAccount(form.accountId(), form.contactId());
        int stageProbability = stageProbability(form.pipelineId(), form.stageId());
        UUID id = Ids.newId();
        UUID tenant = jdbc.sql("""
                        INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, contact_id, amount,
                                                     currency, probability, expected_close, owner_id, team_id,
                                                     description, lead_id)
                        VALUES (:id, :title, :pipeline, :stage, :account, :contact, :amount, :currency, :probability,
                                :close, :owner,
                                (SELECT min(team_id::text)::uuid FROM crm_team_member WHERE user_id = :owner),
                                :description, :lead)
                        RETURNING tenant_id""")
                .param("id", id)
                .param("title", form.title().strip())
                .param("pipeline", form.pipelineId())
                .param("stage", form.stageId())
                .param("account", form.accountId())
                .param("contact", form.contactId())
                .param("amount", form.amount())
                .param("currency", currency(form.currency()))
                .param("probability", form.probability() == null ? stageProbability : form.probability())
                .param("close", form.expectedClose())
                .param("owner", owner)
                .param("description", blankToNull(form.description()))
                .param("lead", form.leadId())
                .query(UUID.class)
                .single();
        events.publishEvent(new OpportunityStageChanged(
                tenant, id, form.pipelineId(), null, form.stageId(), owner, currentUserId()));
        return id;
    }

    /**
     * Saves the form over the opportunity read at {@code version}; returns the new version. A change
     * of stage (of an open opportunity) is a move: the probability becomes the new stage's unless the
     * form changed it too.
     */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public long update(UUID id, OpportunityForm form, long version) {
        valid(form);
        Visibility seen = visibility.current();
        Current current = lock(id, version, seen);
        UUID owner = form.ownerId();
        if (!Objects.equals(owner, current.ownerId())) {
            checkOwner(seen, owner);
        }
        checkAccount(form.accountId(), form.contactId());
        boolean moved = !form.stageId().equals(current.stageId());
        if (moved && current.status() != OpportunityStatus.OPEN) {
            throw new OpportunityRuleException("crm.opportunity.error.closed");
        }
        int stageProbability = stageProbability(form.pipelineId(), form.stageId());
        int probability = form.probability() != null ? form.probability() : stageProbability;
        if (moved && form.probability() != null) {
            int before = jdbc.sql("SELECT probability FROM crm_opportunity WHERE id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
            probability = form.probability() == before ? stageProbability : form.probability();
        }
        jdbc.sql("""
                        UPDATE crm_opportunity
                           SET title = :title, pipeline_id = :pipeline, stage_id = :stage, account_id = :account,
                               contact_id = :contact, amount = :amount, currency = :currency, probability = :probability,
                               expected_close = :close, owner_id = :owner, description = :description,
                               stage_entered_at = CASE WHEN :moved THEN now() ELSE stage_entered_at END,
                               updated_at = now(), version = version + 1
                         WHERE id = :id""")
                .param("id", id)
                .param("title", form.title().strip())
                .param("pipeline", form.pipelineId())
                .param("stage", form.stageId())
                .param("account", form.accountId())
                .param("contact", form.contactId())
                .param("amount", form.amount())
                .param("currency", currency(form.currency()))
                .param("probability", probability)
                .param("close", form.expectedClose())
                .param("owner", owner)
                .param("description", blankToNull(form.description()))
                .param("moved", moved)
                .update();
        if (moved) {
            events.publishEvent(new OpportunityStageChanged(
                    current.tenantId(),
                    id,
                    form.pipelineId(),
                    current.stageId(),
                    form.stageId(),
                    owner,
                    currentUserId()));
        }
        return version + 1;
    }

    /**
     * Moves an open opportunity to another stage of its pipeline (a card dropped on another column);
     * its probability becomes the stage's. Returns the new version (the same when it is already there).
     */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public long moveToStage(UUID id, UUID stageId, long version) {
        Current current = lock(id, version, visibility.current());
        if (current.status() != OpportunityStatus.OPEN) {
            throw new OpportunityRuleException("crm.opportunity.error.closed");
        }
        if (current.stageId().equals(stageId)) {
            return version;
        }
        int probability = stageProbability(current.pipelineId(), stageId);
        jdbc.sql("""
                        UPDATE crm_opportunity
                           SET stage_id = :stage, probability = :probability, stage_entered_at = now(),
                               updated_at = now(), version = version + 1
                         WHERE id = :id""")
                .param("id", id)
                .param("stage", stageId)
                .param("probability", probability)
                .update();
        events.publishEvent(new OpportunityStageChanged(
                current.tenantId(),
                id,
                current.pipelineId(),
                current.stageId(),
                stageId,
                current.ownerId(),
                currentUserId()));
        return version + 1;
    }

    /** Marks an open opportunity won (probability 100); returns the new version. */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public long win(UUID id, long version) {
        Current current = lock(id, version, visibility.current());
        if (current.status() != OpportunityStatus.OPEN) {
            throw new OpportunityRuleException("crm.opportunity.error.closed");
        }
        jdbc.sql("UPDATE crm_opportunity SET " + WON + " WHERE id = :id")
                .param("id", id)
                .update();
        return version + 1;
    }

    /** Marks an open opportunity lost for a reason (required) and an optional note; returns the new version. */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public long lose(UUID id, UUID lostReasonId, String note, long version) {
        if (lostReasonId == null) {
            throw OpportunityRuleException.onField("lostReasonId", "crm.opportunity.error.lost-reason-required");
        }
        String cleanNote = blankToNull(note);
        if (cleanNote != null && cleanNote.length() > 2000) {
            throw OpportunityRuleException.onField("lostNote", "crm.opportunity.validation.too-long");
        }
        Current current = lock(id, version, visibility.current());
        if (current.status() != OpportunityStatus.OPEN) {
            throw new OpportunityRuleException("crm.opportunity.error.closed");
        }
        boolean reasonExists = jdbc.sql("SELECT EXISTS (SELECT FROM crm_lost_reason WHERE id = :id AND NOT archived)")
                .param("id", lostReasonId)
                .query(Boolean.class)
                .single();
        if (!reasonExists) {
            throw OpportunityRuleException.onField("lostReasonId", "crm.opportunity.error.lost-reason-required");
        }
        jdbc.sql("""
                        UPDATE crm_opportunity
                           SET status = 'LOST', closed_at = now(), probability = 0, lost_reason_id = :reason,
                               lost_note = :note, updated_at = now(), version = version + 1
                         WHERE id = :id""")
                .param("id", id)
                .param("reason", lostReasonId)
                .param("note", cleanNote)
                .update();
        return version + 1;
    }

    /** Opens a won or lost opportunity again, in the stage it was closed in, with that stage's probability. */
    @Transactional
    @RolesAllowed({CrmPermissions.EDIT, Roles.SYSTEM})
    public long reopen(UUID id, long version) {
        Current current = lock(id, version, visibility.current());
        if (current.status() == OpportunityStatus.OPEN) {
            throw new OpportunityRuleException("crm.opportunity.error.already-open");
        }
        jdbc.sql("""
                        UPDATE crm_opportunity o
                           SET status = 'OPEN', closed_at = NULL, lost_reason_id = NULL, lost_note = NULL,
                               probability = s.probability, updated_at = now(), version = o.version + 1
                          FROM crm_stage s
                         WHERE o.id = :id AND s.id = o.stage_id""").param("id", id).update();
        return version + 1;
    }

    /** Deletes an opportunity (its activities go with it). */
    @Transactional
    @RolesAllowed({CrmPermissions.DELETE, Roles.SYSTEM})
    public void delete(UUID id, long version) {
        lock(id, version, visibility.current());
        jdbc.sql("DELETE FROM crm_opportunity WHERE id = :id").param("id", id).update();
    }

    /**
     * The opportunity made into {@code quoteId} now amounts to the quote's net total. A consequence of
     * a sales step the caller was allowed to take (saving the quote), inside its transaction: the
     * caller's CRM visibility is not asked. Returns whether an opportunity changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({SalesPermissions.CREATE, SalesPermissions.EDIT, SalesPermissions.CONFIRM, Roles.SYSTEM})
    public boolean followQuoteTotal(UUID quoteId, BigDecimal net, String currency) {
        return jdbc.sql("""
                        UPDATE crm_opportunity
                           SET amount = :net, currency = :currency, updated_at = now(), version = version + 1
                         WHERE quote_id = :quote AND (amount <> :net OR currency <> :currency)""")
                        .param("net", net)
                        .param("currency", currency)
                        .param("quote", quoteId)
                        .update()
                > 0;
    }

    /**
     * Wins the open opportunity made into {@code quoteId}, as {@link #win} does, unless the tenant's
     * setting {@code crm_quote_settings.quote_wins_opportunity} says no. A consequence of accepting the
     * quote (in the back office or by the client in its portal), inside that transaction: the
     * caller's CRM visibility is not asked. Returns whether an opportunity was won.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @RolesAllowed({SalesPermissions.CONFIRM, Roles.SYSTEM})
    public boolean winByQuote(UUID quoteId) {
        return jdbc.sql("UPDATE crm_opportunity SET " + WON + """
                         WHERE quote_id = :quote AND status = 'OPEN'
                           AND coalesce((SELECT s.quote_wins_opportunity FROM crm_quote_settings s), true)""")
                        .param("quote", quoteId)
                        .update()
                > 0;
    }

    // ---- reads ---------------------------------------------------------------------------------

    /** The opportunity, when it exists and the user sees it. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Optional<OpportunitySummary> find(UUID id) {
        Visibility seen = visibility.current();
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM crm_opportunity o WHERE o.id = :id")
                .param("id", id)
                .query(SUMMARY)
                .optional()
                .filter(summary -> seen.sees(summary.ownerId()));
    }

    /** The opportunity as its page shows it, when it exists and the user sees it. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Optional<OpportunityDetails> details(UUID id) {
        Visibility seen = visibility.current();
        Optional<OpportunityDetails> details = jdbc.sql("""
                        SELECT o.*, r.name AS lost_reason_name
                          FROM crm_opportunity o LEFT JOIN crm_lost_reason r ON r.id = o.lost_reason_id
                         WHERE o.id = :id""")
                .param("id", id)
                .query((rs, n) -> new OpportunityDetails(
                        rs.getObject("id", UUID.class),
                        rs.getLong("version"),
                        new OpportunityForm(
                                rs.getString("title"),
                                rs.getObject("pipeline_id", UUID.class),
                                rs.getObject("stage_id", UUID.class),
                                rs.getObject("account_id", UUID.class),
                                rs.getObject("contact_id", UUID.class),
                                rs.getBigDecimal("amount"),
                                rs.getString("currency"),
                                rs.getInt("probability"),
                                rs.getObject("expected_close", LocalDate.class),
                                rs.getObject("owner_id", UUID.class),
                                rs.getString("description"),
                                rs.getObject("lead_id", UUID.class)),
                        OpportunityStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("closed_at") == null
                                ? null
                                : rs.getTimestamp("closed_at").toInstant(),
                        rs.getObject("lost_reason_id", UUID.class),
                        rs.getString("lost_reason_name"),
                        rs.getString("lost_note"),
                        null,
                        null,
                        rs.getObject("quote_id", UUID.class),
                        rs.getTimestamp("stage_entered_at").toInstant()))
                .optional()
                .filter(d -> seen.sees(d.form().ownerId()));
        return details.map(d -> new OpportunityDetails(
                d.id(),
                d.version(),
                d.form(),
                d.status(),
                d.closedAt(),
                d.lostReasonId(),
                d.lostReasonName(),
                d.lostNote(),
                accounts.namesOf(Set.of(d.form().accountId())).get(d.form().accountId()),
                d.form().ownerId() == null
                        ? null
                        : users.namesOf(Set.of(d.form().ownerId())).get(d.form().ownerId()),
                d.quoteId(),
                d.stageEnteredAt()));
    }

    /** A page of the opportunity's change history, newest first (see {@link ChangeHistory#timeline}). */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public List<ChangeEntry> history(UUID id, Long before, int limit) {
        if (find(id).isEmpty()) {
            return List.of();
        }
        return history.timeline(id, before, limit);
    }

    /**
     * A page of the opportunities the user sees that match {@code filter}, soonest expected close
     * first, after {@code after} (null: the first page), with account and owner names.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Page<OpportunityRow> page(OpportunityFilter filter, PageCursor after, int limit) {
        OpportunityConditions conditions = conditions(filter);
        Page<OpportunityRow> page = conditions
                .applyTo(ListQuery.select(ROW_COLUMNS).from("crm_opportunity o"))
                .page(jdbc, ListOrder.keyset("o.expected_close", "date", "o.id", false), after, limit, ROW);
        return new Page<>(withNames(page.rows()), page.next());
    }

    /**
     * The conditions of a read of opportunities for the current user and {@code filter}: its
     * visibility, and the accounts whose name matches the search (one call to the accounts module).
     * Joins the caller's transaction.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public OpportunityConditions conditions(OpportunityFilter filter) {
        List<UUID> matches = filter.text() == null
                ? List.of()
                : accounts.accountsMatching(filter.text(), ACCOUNT_MATCHES).stream()
                        .map(AccountDirectory.AccountName::id)
                        .toList();
        return OpportunityConditions.of(visibility.current(), filter, matches);
    }

    /** The rows with their accounts' and owners' names, looked up for all of them at once. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public List<OpportunityRow> withNames(List<OpportunityRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, String> accountNames =
                accounts.namesOf(rows.stream().map(OpportunityRow::accountId).toList());
        Map<UUID, String> ownerNames =
                users.namesOf(rows.stream().map(OpportunityRow::ownerId).toList());
        List<OpportunityRow> named = new ArrayList<>(rows.size());
        for (OpportunityRow row : rows) {
            named.add(row.withNames(accountNames.get(row.accountId()), ownerNames.get(row.ownerId())));
        }
        return named;
    }

    // ---- checks --------------------------------------------------------------------------------

    private void valid(OpportunityForm form) {
        if (form == null) {
            throw new OpportunityRuleException("crm.opportunity.error.invalid");
        }
        Set<ConstraintViolation<OpportunityForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            ConstraintViolation<OpportunityForm> first = violations.iterator().next();
            throw OpportunityRuleException.onField(first.getPropertyPath().toString(), "crm.opportunity.error.invalid");
        }
    }

    /** Reads and locks the opportunity the user sees, refusing a stale version. */
    private Current lock(UUID id, long version, Visibility seen) {
        Current current = lockAny(id, seen);
        if (current.version() != version) {
            throw OpportunityRuleException.stale();
        }
        return current;
    }

    private Current lockAny(UUID id, Visibility seen) {
        Current current = jdbc.sql("""
                        SELECT id, tenant_id, pipeline_id, stage_id, owner_id, status, version
                          FROM crm_opportunity WHERE id = :id FOR UPDATE""")
                .param("id", id)
                .query((rs, n) -> Current.of(rs))
                .optional()
                .filter(row -> seen.sees(row.ownerId()))
                .orElseThrow(() -> new OpportunityRuleException("crm.opportunity.error.not-found"));
        return current;
    }

    private void checkOwner(Visibility seen, UUID owner) {
        if (owner != null && !users.isEmployee(owner)) {
            throw OpportunityRuleException.onField("ownerId", "crm.opportunity.error.owner-unknown");
        }
        if (!seen.sees(owner)) {
            throw OpportunityRuleException.onField("ownerId", "crm.opportunity.error.owner-not-visible");
        }
    }

    private void checkAccount(UUID accountId, UUID contactId) {
        if (!accounts.namesOf(Set.of(accountId)).containsKey(accountId)) {
            throw OpportunityRuleException.onField("accountId", "crm.opportunity.error.account-unknown");
        }
        if (contactId != null
                && accounts.party(accountId).stream()
                        .flatMap(party -> party.contacts().stream())
                        .noneMatch(contact -> contact.id().equals(contactId))) {
            throw OpportunityRuleException.onField("contactId", "crm.opportunity.error.contact-unknown");
        }
    }

    /** The probability of an active stage of an active pipeline; refuses anything else. */
    private int stageProbability(UUID pipelineId, UUID stageId) {
        return jdbc.sql("""
                        SELECT s.probability FROM crm_stage s JOIN crm_pipeline p ON p.id = s.pipeline_id
                         WHERE s.id = :stage AND s.pipeline_id = :pipeline AND NOT s.archived AND NOT p.archived""")
                .param("stage", stageId)
                .param("pipeline", pipelineId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> OpportunityRuleException.onField("stageId", "crm.opportunity.error.stage-unknown"));
    }

    private static UUID currentUserId() {
        return CurrentUser.get().map(NexoUser::userId).orElse(null);
    }

    private static String currency(String currency) {
        return currency == null || currency.isBlank() ? "EUR" : currency;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
