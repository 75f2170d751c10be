package com.nexo.accounts.account;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.search.AccountRows;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.security.Roles;
import com.nexo.security.UserDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One account of the current tenant: its form with validation, codes, duplicate warnings, conflict
 * details, archive and delete, its timeline and the employees who may own it. Every public method
 * checks a permission of {@link AccountPermissions}; the tenant is the database's business.
 */
@Service
public class AccountService {

    private static final String NEXT_CODE = "SELECT next_value FROM account_code_counter";

    private static final String TAKE_CODE = """
            INSERT INTO account_code_counter (next_value) VALUES (2) ON CONFLICT (tenant_id)
            DO UPDATE SET next_value = account_code_counter.next_value + 1 RETURNING next_value - 1
            """;

    private static final String DUPLICATES = """
            SELECT a.id, a.code, a.legal_name, a.tax_id, a.emails, d.similarity AS sim
            FROM nexo_account_duplicates(CAST(:id AS uuid), CAST(:taxKey AS text), CAST(:emails AS text[]),
                 CAST(:name AS text), CAST(:trade AS text), CAST(:threshold AS real)) d
            JOIN account a ON a.id = d.id
            ORDER BY d.similarity DESC, a.id
            """;

    /** An existing account the duplicate search found, before the rules say why (if at all). */
    private record Found(
            UUID id, String code, String legalName, String taxId, List<String> emails, double similarity) {}

    private static final RowMapper<Found> FOUND = (row, i) -> new Found(
            row.getObject("id", UUID.class),
            row.getString("code"),
            row.getString("legal_name"),
            row.getString("tax_id"),
            AccountRows.strings(row.getArray("emails")),
            row.getDouble("sim"));

    private final AccountRepository accounts;
    private final AccountRules rules;
    private final AccountDetailsReader details;
    private final ReferringRecords referring;
    private final ChangeHistory history;
    private final UserDirectory users;
    private final JdbcClient jdbc;

    AccountService(
            AccountRepository accounts,
            AccountRules rules,
            AccountDetailsReader details,
            ReferringRecords referring,
            ChangeHistory history,
            UserDirectory users,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.rules = rules;
        this.details = details;
        this.referring = referring;
        this.history = history;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The employees of the tenant, who may own accounts. */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<OwnerOption> owners() {
        return users.activeEmployees().stream()
                .map(user -> new OwnerOption(user.id(), user.displayName()))
                .toList();
    }

    /** An empty form for a new account, with the code that would be taken if left blank. */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.CREATE, Roles.SYSTEM})
    public AccountForm newForm() {
        AccountForm form = new AccountForm();
        form.setCode(proposeCode());
        return form;
    }

    /** The code a new account gets when its code is left blank (not reserved until saved). */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public String proposeCode() {
        long value = jdbc.sql(NEXT_CODE).query(Long.class).optional().orElse(1L);
        while (accounts.existsByCode(formatCode(value))) {
            value++;
        }
        return formatCode(value);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public AccountForm getForm(UUID id) {
        return rules.find(id).toForm();
    }

    /** The account with its contacts and references, for the detail view. */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public AccountDetails getDetails(UUID id) {
        return details.read(id);
    }

    /** Creates an account; a blank code takes the next free one. Returns the new account's id. */
    @Transactional
    @RolesAllowed({AccountPermissions.CREATE, Roles.SYSTEM})
    public UUID create(AccountForm form) {
        return createWithId(null, form);
    }

    /** Creates an account with a known id (demo data, imports); see {@link #create(AccountForm)}. */
    @Transactional
    @RolesAllowed(Roles.SYSTEM)
    public UUID createWithId(UUID id, AccountForm form) {
        AccountForm clean = AccountRules.normalized(form);
        rules.validate(clean);
        if (clean.getCode() == null) {
            clean.setCode(takeCode());
        } else if (accounts.existsByCode(clean.getCode())) {
            throw AccountRuleException.onField("code", "accounts.error.code-taken", clean.getCode());
        }
        checkOwner(clean.getOwnerId());
        Account account = new Account(id);
        account.apply(clean);
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw AccountRuleException.onField("code", "accounts.error.code-taken", clean.getCode());
        }
        return account.getId();
    }

    /**
     * Saves the form over the account it was loaded from. When someone saved the account since
     * (the form's version is not the current one), nothing is written and an
     * {@link AccountConflictException} tells what changed. Returns the new version.
     */
    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public long update(AccountForm form) {
        Objects.requireNonNull(form, "form");
        Account account = rules.find(form.getId());
        rules.requireVersion(account, form.getVersion());
        AccountForm clean = AccountRules.normalized(form);
        rules.validate(clean);
        if (clean.getCode() == null) {
            throw AccountRuleException.onField("code", "accounts.validation.code-required");
        }
        if (!clean.getCode().equals(account.getCode()) && accounts.existsByCode(clean.getCode())) {
            throw AccountRuleException.onField("code", "accounts.error.code-taken", clean.getCode());
        }
        if (!Objects.equals(clean.getOwnerId(), account.getOwnerId())) {
            checkOwner(clean.getOwnerId());
        }
        account.apply(clean);
        try {
            accounts.saveAndFlush(account);
        } catch (OptimisticLockingFailureException e) {
            // Saved by someone else between our read and our write.
            throw new AccountConflictException(
                    form.getId(), form.getVersion(), form.getVersion() + 1, List.of(), List.of());
        } catch (DataIntegrityViolationException e) {
            throw AccountRuleException.onField("code", "accounts.error.code-taken", clean.getCode());
        }
        return account.getVersion();
    }

    /**
     * Existing accounts that look like the form's (same tax id, e-mail, or a very similar name). For an
     * edit, only when the edit changed the tax id, the e-mails or the names: an account saved despite
     * the warning is not warned about again for editing its other fields.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<DuplicateCandidate> findDuplicates(AccountForm form) {
        AccountForm clean = AccountRules.normalized(form);
        rules.validate(clean);
        if (clean.getId() != null
                && !DuplicateRules.identityChanged(
                        AccountRules.normalized(rules.find(clean.getId()).toForm()), clean)) {
            // Saved as it is, possibly despite a warning: only a change of what makes a duplicate warns again.
            return List.of();
        }
        String taxKey = clean.getTaxId() == null ? null : TaxIds.normalize(clean.getTaxId());
        String[] emails = clean.getEmails().toArray(String[]::new);
        String name = clean.getLegalName() == null ? "" : clean.getLegalName();
        String trade = clean.getTradeName() == null ? "" : clean.getTradeName();
        return jdbc
                .sql(DUPLICATES)
                .param("id", clean.getId())
                .param("taxKey", taxKey)
                .param("emails", emails)
                .param("name", name)
                .param("trade", trade)
                .param("threshold", DuplicateRules.NAME_SIMILARITY)
                .query(FOUND)
                .stream()
                .map(found -> {
                    Set<DuplicateCandidate.Reason> reasons =
                            DuplicateRules.reasons(clean, found.taxId(), found.emails(), found.similarity());
                    return reasons.isEmpty()
                            ? null
                            : new DuplicateCandidate(
                                    found.id(),
                                    found.code(),
                                    found.legalName(),
                                    found.taxId(),
                                    reasons,
                                    found.similarity());
                })
                .filter(Objects::nonNull)
                .toList();
    }

    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public void archive(UUID id) {
        Account account = rules.find(id);
        account.archive();
        accounts.saveAndFlush(account);
    }

    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public void restore(UUID id) {
        Account account = rules.find(id);
        account.restore();
        accounts.saveAndFlush(account);
    }

    /**
     * Deletes the account with its contacts, or archives it when other records refer to it (portal
     * users, merged accounts, documents of other modules).
     */
    @Transactional
    @RolesAllowed(AccountPermissions.DELETE)
    public DeleteOutcome delete(UUID id) {
        Account account = rules.find(id);
        if (referring.count(id) > 0) {
            account.archive();
            accounts.saveAndFlush(account);
            return DeleteOutcome.ARCHIVED;
        }
        accounts.delete(account);
        accounts.flush();
        return DeleteOutcome.DELETED;
    }

    /**
     * A page of the account's timeline (its own changes and its contacts'), newest first: the
     * {@code limit} entries older than entry {@code before} (null: the newest).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<ChangeEntry> history(UUID accountId, Long before, int limit) {
        rules.find(accountId);
        return history.timeline(accountId, before, limit);
    }

    private void checkOwner(UUID ownerId) {
        if (ownerId == null) {
            return;
        }
        if (!users.isEmployee(ownerId)) {
            throw AccountRuleException.onField("ownerId", "accounts.error.owner-unknown");
        }
    }

    private String takeCode() {
        while (true) {
            long value = jdbc.sql(TAKE_CODE).query(Long.class).single();
            String code = formatCode(value);
            if (!accounts.existsByCode(code)) {
                return code;
            }
        }
    }

    static String formatCode(long value) {
        return String.format(Locale.ROOT, "%06d", value);
    }
}
