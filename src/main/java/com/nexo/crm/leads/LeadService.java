package com.nexo.crm.leads;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.assignment.LeadAssignment;
import com.nexo.crm.visibility.CrmVisibility;
import com.nexo.crm.visibility.Visibility;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads of the current tenant: the list (a keyset page with filters), one lead, its creation (by hand
 * or from a web form) with its duplicates flagged and an owner given by the assignment rules when it
 * has none, edits that name the version they were made on, qualifying, disqualifying and reopening.
 * Every method checks a {@link CrmPermissions} permission, and reads and changes only the leads the
 * user's {@link Visibility} shows.
 */
@Service
public class LeadService {

    /** The note conversions leave on the lead's and the account's history. */
    public static final String CONVERSION_NOTE = "lead-conversion";

    private final LeadStore store;
    private final LeadDuplicates duplicates;
    private final LeadAssignment assignment;
    private final CrmVisibility visibility;
    private final UserDirectory users;
    private final ChangeHistory history;
    private final Validator validator;

    LeadService(
            LeadStore store,
            LeadDuplicates duplicates,
            LeadAssignment assignment,
            CrmVisibility visibility,
            UserDirectory users,
            ChangeHistory history,
            Validator validator) {
        this.store = store;
        this.duplicates = duplicates;
        this.assignment = assignment;
        this.visibility = visibility;
        this.users = users;
        this.history = history;
        this.validator = validator;
    }

    /** A page of the leads the user sees that match {@code filter}, newest first. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Page<LeadRow> page(LeadFilter filter, PageCursor after, int limit) {
        return store.page(filter == null ? LeadFilter.all() : filter, visibility.current(), after, limit);
    }

    /** The lead with its owner's name, if it exists and the user sees it. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public Optional<LeadDetails> find(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        Visibility seen = visibility.current();
        return store.find(id).filter(lead -> seen.sees(lead.ownerId())).map(this::withOwnerName);
    }

    /** The lead, or a "not found" refusal when it does not exist or the user does not see it. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public LeadDetails get(UUID id) {
        return find(id).orElseThrow(() -> new LeadRuleException("crm.leads.error.not-found"));
    }

    /** The lead's changes, newest first (see {@link ChangeHistory#timeline}). */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public List<ChangeEntry> history(UUID id, int limit) {
        get(id);
        return history.timeline(id, null, limit);
    }

    /** Employees who may own leads. */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, Roles.SYSTEM})
    public List<UserDirectory.UserName> owners() {
        return users.activeEmployees();
    }

    /** An empty form for a new lead, owned by the user who opens it. */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.CREATE)
    public LeadForm newForm() {
        LeadForm form = new LeadForm();
        CurrentUser.get().map(NexoUser::userId).ifPresent(form::setOwnerId);
        return form;
    }

    /**
     * Creates a lead and returns its id. Without an owner, the assignment rules give it one (or
     * leave it unowned). Its possible duplicates (leads, accounts, contacts) are stored with it.
     */
    @Transactional
    @RolesAllowed({CrmPermissions.CREATE, Roles.SYSTEM})
    public UUID create(LeadForm form) {
        LeadForm clean = normalized(form);
        validate(clean);
        checkOwner(clean.getOwnerId());
        if (clean.getOwnerId() == null) {
            assignment.assign(clean.tagList(), clean.getRegion()).ifPresent(assigned -> {
                clean.setOwnerId(assigned.ownerId());
                if (clean.getTeamId() == null) {
                    clean.setTeamId(assigned.teamId());
                }
            });
        }
        UUID id = com.nexo.base.Ids.newId();
        store.insert(id, clean, duplicates.find(null, clean));
        return id;
    }

    /**
     * Saves the form over the lead it was loaded from and returns the new version. Refused, with
     * nothing saved, when someone saved the lead since (the form's version is not the current one),
     * when the lead is closed (converted or disqualified), or when the user does not see it.
     */
    @Transactional
    @RolesAllowed(CrmPermissions.EDIT)
    public long update(LeadForm form) {
        Objects.requireNonNull(form, "form");
        LeadDetails lead = lockVisible(form.getId(), form.getVersion());
        if (!lead.status().open()) {
            throw new LeadRuleException("crm.leads.error.closed");
        }
        LeadForm clean = normalized(form);
        validate(clean);
        if (!Objects.equals(clean.getOwnerId(), lead.ownerId())) {
            checkOwner(clean.getOwnerId());
        }
        return store.update(lead.id(), clean, duplicates.find(lead.id(), clean));
    }

    /** Marks a new lead as being qualified. */
    @Transactional
    @RolesAllowed(CrmPermissions.EDIT)
    public long startWorking(UUID id, long version) {
        LeadDetails lead = lockVisible(id, version);
        if (lead.status() != LeadStatus.NEW) {
            throw new LeadRuleException("crm.leads.error.status");
        }
        return store.status(id, LeadStatus.WORKING, null);
    }

    /** Drops an open lead, with the reason why. */
    @Transactional
    @RolesAllowed(CrmPermissions.EDIT)
    public long disqualify(UUID id, String reason, long version) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw LeadRuleException.onField("reason", "crm.leads.error.reason-required");
        }
        if (why.length() > 500) {
            throw LeadRuleException.onField("reason", "crm.leads.validation.too-long");
        }
        LeadDetails lead = lockVisible(id, version);
        if (!lead.status().open()) {
            throw new LeadRuleException("crm.leads.error.status");
        }
        return store.status(id, LeadStatus.DISQUALIFIED, why);
    }

    /** Opens a disqualified lead again (as being qualified). */
    @Transactional
    @RolesAllowed(CrmPermissions.EDIT)
    public long reopen(UUID id, long version) {
        LeadDetails lead = lockVisible(id, version);
        if (lead.status() != LeadStatus.DISQUALIFIED) {
            throw new LeadRuleException("crm.leads.error.status");
        }
        return store.status(id, LeadStatus.WORKING, null);
    }

    /**
     * Marks an open lead as converted into these records, inside the conversion's transaction (the
     * conversion checks its own permission and builds them first). Refused like an edit.
     */
    @Transactional
    @RolesAllowed({CrmPermissions.CONVERT, Roles.SYSTEM})
    public long markConverted(UUID id, long version, UUID accountId, UUID contactId, UUID opportunityId) {
        LeadDetails lead = lockVisible(id, version);
        if (!lead.status().open()) {
            throw new LeadRuleException("crm.leads.error.closed");
        }
        return store.converted(id, accountId, contactId, opportunityId);
    }

    /** Locks a lead the user sees and checks that it is still at {@code version}. */
    private LeadDetails lockVisible(UUID id, Long version) {
        if (id == null) {
            throw new LeadRuleException("crm.leads.error.not-found");
        }
        Visibility seen = visibility.current();
        LeadDetails lead = store.lock(id)
                .filter(found -> seen.sees(found.ownerId()))
                .orElseThrow(() -> new LeadRuleException("crm.leads.error.not-found"));
        if (version == null || lead.version() != version) {
            throw new LeadRuleException("crm.leads.error.conflict");
        }
        return lead;
    }

    private void checkOwner(UUID ownerId) {
        if (ownerId != null && !users.isEmployee(ownerId)) {
            throw LeadRuleException.onField("ownerId", "crm.leads.error.owner");
        }
    }

    private LeadDetails withOwnerName(LeadDetails lead) {
        if (lead.ownerId() == null) {
            return lead;
        }
        Map<UUID, String> names = users.namesOf(Set.of(lead.ownerId()));
        return new LeadDetails(
                lead.id(),
                lead.personName(),
                lead.companyName(),
                lead.email(),
                lead.phone(),
                lead.taxId(),
                lead.source(),
                lead.sourceDetail(),
                lead.interest(),
                lead.region(),
                lead.tags(),
                lead.ownerId(),
                names.get(lead.ownerId()),
                lead.teamId(),
                lead.status(),
                lead.disqualifiedReason(),
                lead.convertedAt(),
                lead.convertedAccountId(),
                lead.convertedContactId(),
                lead.convertedOpportunityId(),
                lead.createdAt(),
                lead.version(),
                lead.duplicates());
    }

    /** Refuses the form with its first invalid field (in field order), translated by its key. */
    void validate(LeadForm form) {
        Set<ConstraintViolation<LeadForm>> violations = validator.validate(form);
        violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw LeadRuleException.onField(field(violation), key(violation));
                });
    }

    /** Every invalid field of the form with its message key (a web form's post names all of them). */
    public static Map<String, String> violations(Validator validator, LeadForm form) {
        Map<String, String> fields = new java.util.TreeMap<>();
        for (ConstraintViolation<LeadForm> violation : validator.validate(normalized(form))) {
            fields.putIfAbsent(field(violation), key(violation));
        }
        return fields;
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return "named".equals(path) ? "personName" : path;
    }

    private static String key(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        String invalidKey = "crm.leads.validation.invalid";
        return template.startsWith("{crm.") && template.endsWith("}")
                ? template.substring(1, template.length() - 1)
                : invalidKey;
    }

    /** Trimmed values, blanks as null, a lower-case e-mail. */
    public static LeadForm normalized(LeadForm form) {
        LeadForm clean = new LeadForm();
        clean.setId(form.getId());
        clean.setVersion(form.getVersion());
        clean.setPersonName(blankToNull(form.getPersonName()));
        clean.setCompanyName(blankToNull(form.getCompanyName()));
        String email = blankToNull(form.getEmail());
        clean.setEmail(email == null ? null : email.toLowerCase(java.util.Locale.ROOT));
        clean.setPhone(blankToNull(form.getPhone()));
        clean.setTaxId(blankToNull(form.getTaxId()));
        clean.setSource(form.getSource());
        clean.setSourceDetail(blankToNull(form.getSourceDetail()));
        clean.setInterest(blankToNull(form.getInterest()));
        clean.setRegion(blankToNull(form.getRegion()));
        clean.setTags(form.tagList().isEmpty() ? null : String.join(", ", form.tagList()));
        clean.setOwnerId(form.getOwnerId());
        clean.setTeamId(form.getTeamId());
        return clean;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
