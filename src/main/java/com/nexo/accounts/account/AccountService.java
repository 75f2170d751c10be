package com.nexo.accounts.account;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.contacts.Contact;
import com.nexo.accounts.contacts.ContactRepository;
import com.nexo.accounts.search.AccountSearch;
import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.security.UserDirectory;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One account of the current tenant: its form with validation, codes, duplicate warnings, conflict
 * details, archive and delete, its timeline and the employees who may own it. Every public method
 * checks a permission of {@link AccountPermissions}; the tenant is the database's business.
 */
@Service
public class AccountService {

    private static final String HAS_READ = "hasRole('" + AccountPermissions.READ + "') or hasRole('SYSTEM')";
    private static final String HAS_CREATE = "hasRole('" + AccountPermissions.CREATE + "') or hasRole('SYSTEM')";
    private static final String HAS_EDIT = "hasRole('" + AccountPermissions.EDIT + "') or hasRole('SYSTEM')";
    private static final String HAS_DELETE = "hasRole('" + AccountPermissions.DELETE + "')";

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final AccountRules rules;
    private final ReferringRecords referring;
    private final ChangeHistory history;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;

    AccountService(
            AccountRepository accounts,
            ContactRepository contacts,
            AccountRules rules,
            ReferringRecords referring,
            ChangeHistory history,
            UserDirectory users,
            JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.rules = rules;
        this.referring = referring;
        this.history = history;
        this.users = users;
        this.jdbc = jdbc;
    }

    /** The employees of the tenant, who may own accounts. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<OwnerOption> owners() {
        return users.activeEmployees().stream()
                .map(user -> new OwnerOption(user.id(), user.displayName()))
                .toList();
    }

    /** An empty form for a new account, with the code that would be taken if left blank. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_CREATE)
    public AccountForm newForm() {
        AccountForm form = new AccountForm();
        form.setCode(proposeCode());
        return form;
    }

    /** The code a new account gets when its code is left blank (not reserved until saved). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public String proposeCode() {
        Long next = jdbc.query("SELECT next_value FROM account_code_counter", row -> row.next() ? row.getLong(1) : 1L);
        long value = next == null ? 1 : next;
        while (accounts.existsByCode(formatCode(value))) {
            value++;
        }
        return formatCode(value);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public AccountForm getForm(UUID id) {
        return rules.find(id).toForm();
    }

    /** The account with its contacts and references, for the detail view. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public AccountDetails getDetails(UUID id) {
        Account account = rules.find(id);
        String ownerName = account.getOwnerId() == null
                ? null
                : users.namesOf(List.of(account.getOwnerId())).get(account.getOwnerId());
        return new AccountDetails(
                account.toForm(),
                contacts.findByAccountIdOrderByPrimaryDescNameAsc(id).stream()
                        .map(Contact::toRow)
                        .toList(),
                ownerName,
                account.getMergedInto(),
                referring.count(id),
                account.getCreatedAt(),
                account.getUpdatedAt());
    }

    /** Creates an account; a blank code takes the next free one. Returns the new account's id. */
    @Transactional
    @PreAuthorize(HAS_CREATE)
    public UUID create(AccountForm form) {
        return createWithId(null, form);
    }

    /** Creates an account with a known id (demo data, imports); see {@link #create(AccountForm)}. */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM')")
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
    @PreAuthorize(HAS_EDIT)
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

    /** Existing accounts that look like the form's (same tax id, e-mail, or a very similar name). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<DuplicateCandidate> findDuplicates(AccountForm form) {
        AccountForm clean = AccountRules.normalized(form);
        String taxKey = clean.getTaxId() == null ? null : TaxIds.normalize(clean.getTaxId());
        String[] emails = clean.getEmails().toArray(String[]::new);
        String name = clean.getLegalName() == null ? "" : clean.getLegalName();
        String trade = clean.getTradeName() == null ? "" : clean.getTradeName();
        List<DuplicateCandidate> found = jdbc.query(
                "SELECT a.id, a.code, a.legal_name, a.tax_id, a.emails, d.similarity AS sim"
                        + " FROM nexo_account_duplicates(CAST(? AS uuid), CAST(? AS text), CAST(? AS text[]),"
                        + " CAST(? AS text), CAST(? AS text), CAST(? AS real)) d"
                        + " JOIN account a ON a.id = d.id ORDER BY d.similarity DESC, a.id",
                (row, i) -> {
                    double similarity = row.getDouble("sim");
                    Set<DuplicateCandidate.Reason> reasons = DuplicateRules.reasons(
                            clean, row.getString("tax_id"), AccountSearch.strings(row.getArray("emails")), similarity);
                    return reasons.isEmpty()
                            ? null
                            : new DuplicateCandidate(
                                    row.getObject("id", UUID.class),
                                    row.getString("code"),
                                    row.getString("legal_name"),
                                    row.getString("tax_id"),
                                    reasons,
                                    similarity);
                },
                clean.getId(),
                taxKey,
                emails,
                name,
                trade,
                DuplicateRules.NAME_SIMILARITY);
        return found.stream().filter(Objects::nonNull).toList();
    }

    @Transactional
    @PreAuthorize(HAS_EDIT)
    public void archive(UUID id) {
        Account account = rules.find(id);
        account.archive();
        accounts.saveAndFlush(account);
    }

    @Transactional
    @PreAuthorize(HAS_EDIT)
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
    @PreAuthorize(HAS_DELETE)
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

    /** The account's timeline (its own changes and its contacts'), newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<ChangeEntry> history(UUID accountId, int offset, int limit) {
        rules.find(accountId);
        return history.timeline(accountId, offset, limit);
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
            Long value = jdbc.queryForObject(
                    "INSERT INTO account_code_counter (next_value) VALUES (2) ON CONFLICT (tenant_id)"
                            + " DO UPDATE SET next_value = account_code_counter.next_value + 1 RETURNING next_value - 1",
                    Long.class);
            String code = formatCode(value == null ? 1 : value);
            if (!accounts.existsByCode(code)) {
                return code;
            }
        }
    }

    static String formatCode(long value) {
        return String.format(Locale.ROOT, "%06d", value);
    }
}
