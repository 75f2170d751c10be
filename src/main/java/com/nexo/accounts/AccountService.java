package com.nexo.accounts;

import com.nexo.history.ChangeEntry;
import com.nexo.history.ChangeHistory;
import com.nexo.security.UserDirectory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The accounts of the current tenant and their contacts: lists that scale, quick search, forms with
 * validation, duplicate warnings and conflict details, history, merge and CSV export. Every public
 * method checks a permission of {@link AccountPermissions}; the tenant is the database's business.
 */
@Service
public class AccountService {

    private static final String HAS_READ = "hasRole('" + AccountPermissions.READ + "') or hasRole('SYSTEM')";
    private static final String HAS_CREATE = "hasRole('" + AccountPermissions.CREATE + "') or hasRole('SYSTEM')";
    private static final String HAS_EDIT = "hasRole('" + AccountPermissions.EDIT + "') or hasRole('SYSTEM')";
    private static final String HAS_DELETE = "hasRole('" + AccountPermissions.DELETE + "')";
    private static final String HAS_EXPORT = "hasRole('" + AccountPermissions.EXPORT + "')";
    private static final String HAS_MERGE = "hasRole('" + AccountPermissions.MERGE + "')";
    private static final String LIST_NAME = "accounts";
    private static final int EXPORT_FETCH_SIZE = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final AccountSearch search;
    private final ChangeHistory history;
    private final List<AccountReferences> references;
    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final Validator validator;

    AccountService(
            AccountRepository accounts,
            ContactRepository contacts,
            AccountSearch search,
            ChangeHistory history,
            List<AccountReferences> references,
            UserDirectory users,
            JdbcTemplate jdbc,
            DataSource dataSource) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.search = search;
        this.history = history;
        this.references = references;
        this.users = users;
        this.jdbc = jdbc;
        JdbcTemplate exportJdbc = new JdbcTemplate(dataSource);
        exportJdbc.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(exportJdbc);
        // The default factory reads META-INF/validation.xml: messages come from the translation bundles.
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            this.validator = factory.getValidator();
        }
    }

    // --- Lists -------------------------------------------------------------------------------

    /**
     * One page of the filtered list in keyset order: pass {@code null} for the first page, then the
     * previous page's {@link AccountPage#next()}. Cost does not grow with depth.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public AccountPage page(AccountFilter filter, AccountSort sort, PageCursor after, int limit) {
        return search.page(orDefault(filter), orDefault(sort), after, limit);
    }

    /** Rows {@code offset} to {@code offset + limit} of the filtered list (a lazy grid's fetch). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<AccountRow> list(AccountFilter filter, AccountSort sort, int offset, int limit) {
        return search.list(orDefault(filter), orDefault(sort), offset, limit);
    }

    /** The quick search: the best matches first (name, code, tax id, e-mail, phone; typos tolerated). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<AccountRow> quickSearch(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return search.page(AccountFilter.search(text), AccountSort.relevance(), null, limit)
                .rows();
    }

    /** How many accounts the filter matches: exact up to a limit, estimated beyond it. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public CountEstimate count(AccountFilter filter) {
        return search.count(orDefault(filter));
    }

    /** The employees of the tenant, who may own accounts. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<OwnerOption> owners() {
        return users.activeEmployees().stream()
                .map(user -> new OwnerOption(user.id(), user.displayName()))
                .toList();
    }

    // --- Saved filters -----------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<SavedFilter> savedFilters() {
        return jdbc.query(
                "SELECT id, name, definition FROM saved_filter WHERE list_name = ? ORDER BY lower(name), id",
                (row, i) -> SavedFilters.read(
                        row.getObject("id", UUID.class), row.getString("name"), row.getString("definition")),
                LIST_NAME);
    }

    /** Saves the filter under a name for the current user; a filter of the same name is replaced. */
    @Transactional
    @PreAuthorize(HAS_READ)
    public SavedFilter saveFilter(String name, AccountFilter filter, AccountSort sort) {
        if (name == null || name.isBlank()) {
            throw AccountRuleException.onField("name", "accounts.error.filter-name-required");
        }
        String cleanName = name.strip();
        if (cleanName.length() > 100) {
            throw AccountRuleException.onField("name", "accounts.validation.too-long");
        }
        UUID id = com.nexo.base.Ids.newId();
        UUID saved = jdbc.queryForObject(
                "INSERT INTO saved_filter (id, list_name, name, definition) VALUES (?, ?, ?, ?::jsonb)"
                        + " ON CONFLICT (tenant_id, user_id, list_name, name)"
                        + " DO UPDATE SET definition = EXCLUDED.definition, updated_at = now(),"
                        + " version = saved_filter.version + 1 RETURNING id",
                UUID.class,
                id,
                LIST_NAME,
                cleanName,
                SavedFilters.write(orDefault(filter), orDefault(sort)));
        return new SavedFilter(saved, cleanName, orDefault(filter), orDefault(sort));
    }

    @Transactional
    @PreAuthorize(HAS_READ)
    public void deleteSavedFilter(UUID id) {
        jdbc.update("DELETE FROM saved_filter WHERE id = ? AND list_name = ?", id, LIST_NAME);
    }

    // --- One account -------------------------------------------------------------------------

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
        return find(id).toForm();
    }

    /** The account with its contacts and references, for the detail view. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public AccountDetails getDetails(UUID id) {
        Account account = find(id);
        String ownerName = account.getOwnerId() == null
                ? null
                : users.namesOf(List.of(account.getOwnerId())).get(account.getOwnerId());
        return new AccountDetails(
                account.toForm(),
                contactRows(id),
                ownerName,
                account.getMergedInto(),
                referenceCount(id),
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
        AccountForm clean = normalized(form);
        validate(clean);
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
        Account account = find(form.getId());
        requireVersion(account, form.getVersion());
        AccountForm clean = normalized(form);
        validate(clean);
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
        AccountForm clean = normalized(form);
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
        Account account = find(id);
        account.archive();
        accounts.saveAndFlush(account);
    }

    @Transactional
    @PreAuthorize(HAS_EDIT)
    public void restore(UUID id) {
        Account account = find(id);
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
        Account account = find(id);
        if (referenceCount(id) > 0) {
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
        find(accountId);
        return history.timeline(accountId, offset, limit);
    }

    // --- Contacts ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<ContactRow> contacts(UUID accountId) {
        find(accountId);
        return contactRows(accountId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public ContactForm getContact(UUID contactId) {
        return findContact(contactId).toForm();
    }

    /** Adds a contact; if it is marked primary (or is the first one), it becomes the primary one. */
    @Transactional
    @PreAuthorize(HAS_EDIT)
    public UUID addContact(UUID accountId, ContactForm form) {
        find(accountId);
        ContactForm clean = normalized(form);
        validateContact(clean);
        boolean primary = clean.isPrimary() || contacts.countByAccountId(accountId) == 0;
        if (primary) {
            demotePrimary(accountId, null);
        }
        Contact contact = new Contact(accountId);
        contact.apply(clean);
        contact.setPrimary(primary);
        contacts.saveAndFlush(contact);
        return contact.getId();
    }

    /** Saves a contact's form; a stale version is refused with what changed. */
    @Transactional
    @PreAuthorize(HAS_EDIT)
    public long updateContact(ContactForm form) {
        Objects.requireNonNull(form, "form");
        Contact contact = findContact(form.getId());
        if (!Objects.equals(contact.getVersion(), form.getVersion())) {
            throw contactConflict(contact, form.getVersion());
        }
        ContactForm clean = normalized(form);
        validateContact(clean);
        if (clean.isPrimary() && !contact.isPrimary()) {
            demotePrimary(contact.getAccountId(), contact.getId());
            contact.setPrimary(true);
        }
        contact.apply(clean);
        contacts.saveAndFlush(contact);
        return contact.getVersion();
    }

    @Transactional
    @PreAuthorize(HAS_EDIT)
    public void makePrimary(UUID contactId) {
        Contact contact = findContact(contactId);
        if (!contact.isPrimary()) {
            demotePrimary(contact.getAccountId(), contactId);
            contact.setPrimary(true);
            contacts.saveAndFlush(contact);
        }
    }

    @Transactional
    @PreAuthorize(HAS_EDIT)
    public void deleteContact(UUID contactId) {
        Contact contact = findContact(contactId);
        contacts.delete(contact);
        contacts.flush();
    }

    // --- Merge -------------------------------------------------------------------------------

    /** The two accounts side by side, what differs and what a merge would keep by default. */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_MERGE)
    public MergePreview previewMerge(UUID survivorId, UUID loserId) {
        if (Objects.equals(survivorId, loserId)) {
            throw new AccountRuleException("accounts.error.merge-same");
        }
        AccountForm survivor = find(survivorId).toForm();
        AccountForm loser = find(loserId).toForm();
        return new MergePreview(
                survivor,
                loser,
                AccountMerge.differences(survivor, loser),
                AccountMerge.merge(survivor, loser, Map.of()),
                contacts.countByAccountId(loserId),
                referenceCount(loserId));
    }

    /**
     * Merges the loser into the survivor (see {@link MergeRequest}); the changes are recorded in the
     * history with the note {@code merge}. Returns what was done with the loser.
     */
    @Transactional
    @PreAuthorize(HAS_MERGE)
    public DeleteOutcome merge(MergeRequest request) {
        Objects.requireNonNull(request, "request");
        if (Objects.equals(request.survivorId(), request.loserId())) {
            throw new AccountRuleException("accounts.error.merge-same");
        }
        Account survivor = find(request.survivorId());
        Account loser = find(request.loserId());
        requireVersion(survivor, request.survivorVersion());
        requireVersion(loser, request.loserVersion());
        if (loser.getMergedInto() != null) {
            throw new AccountRuleException("accounts.error.already-merged");
        }
        history.noteForThisTransaction("merge");
        AccountForm merged = AccountMerge.merge(survivor.toForm(), loser.toForm(), request.choices());
        validate(merged);
        // Contacts move; the survivor keeps its primary contact if it has one.
        boolean survivorHasPrimary = contacts.findByAccountIdOrderByPrimaryDescNameAsc(survivor.getId()).stream()
                .anyMatch(Contact::isPrimary);
        for (Contact contact : contacts.findByAccountIdOrderByPrimaryDescNameAsc(loser.getId())) {
            if (survivorHasPrimary && contact.isPrimary()) {
                contact.setPrimary(false);
                contacts.saveAndFlush(contact);
            }
            contact.moveTo(survivor.getId());
        }
        contacts.flush();
        for (AccountReferences reference : references) {
            reference.move(loser.getId(), survivor.getId());
        }
        jdbc.update("UPDATE account SET merged_into = ? WHERE merged_into = ?", survivor.getId(), loser.getId());
        survivor.apply(merged);
        accounts.saveAndFlush(survivor);
        if (request.deleteLoser() && referenceCount(loser.getId()) == 0) {
            accounts.delete(loser);
            accounts.flush();
            return DeleteOutcome.DELETED;
        }
        loser.markMergedInto(survivor.getId());
        accounts.saveAndFlush(loser);
        return DeleteOutcome.ARCHIVED;
    }

    // --- Export ------------------------------------------------------------------------------

    /**
     * Writes the filtered list as CSV (UTF-8, comma-separated, a header in {@code locale}) to
     * {@code out}, row by row as the database sends them: memory does not grow with the list. The
     * stream is flushed, not closed. Returns the number of accounts written.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_EXPORT)
    public long exportCsv(AccountFilter filter, AccountSort sort, Locale locale, OutputStream out) {
        AccountFilter effective = orDefault(filter);
        AccountSort order =
                orDefault(sort).column() == AccountSort.Column.RELEVANCE ? AccountSort.byName() : orDefault(sort);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        long[] written = {0};
        try {
            writer.write('\uFEFF');
            writer.write(AccountCsv.header(bundle(locale)));
            // Owners' names are looked up for a chunk of rows at a time: one query per chunk, and
            // memory that does not grow with the list.
            List<AccountCsv.Row> chunk = new ArrayList<>(EXPORT_FETCH_SIZE);
            search.forEach(effective, order, streaming, row -> {
                chunk.add(AccountCsv.row(row));
                if (chunk.size() == EXPORT_FETCH_SIZE) {
                    written[0] += writeLines(chunk, writer);
                }
            });
            written[0] += writeLines(chunk, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    /** Writes the chunk's lines, flushes and empties the chunk; returns how many it wrote. */
    private int writeLines(List<AccountCsv.Row> chunk, Writer writer) {
        Map<UUID, String> owners =
                users.namesOf(chunk.stream().map(AccountCsv.Row::ownerId).toList());
        try {
            for (AccountCsv.Row row : chunk) {
                writer.write(AccountCsv.line(row, owners.get(row.ownerId())));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = chunk.size();
        chunk.clear();
        return count;
    }

    // --- Helpers -----------------------------------------------------------------------------

    private Account find(UUID id) {
        if (id == null) {
            throw new AccountRuleException("accounts.error.not-found");
        }
        return accounts.findById(id).orElseThrow(() -> new AccountRuleException("accounts.error.not-found"));
    }

    private Contact findContact(UUID id) {
        if (id == null) {
            throw new AccountRuleException("accounts.error.contact-not-found");
        }
        return contacts.findById(id).orElseThrow(() -> new AccountRuleException("accounts.error.contact-not-found"));
    }

    private List<ContactRow> contactRows(UUID accountId) {
        return contacts.findByAccountIdOrderByPrimaryDescNameAsc(accountId).stream()
                .map(Contact::toRow)
                .toList();
    }

    private void demotePrimary(UUID accountId, UUID except) {
        for (Contact other : contacts.findByAccountIdOrderByPrimaryDescNameAsc(accountId)) {
            if (other.isPrimary() && !other.getId().equals(except)) {
                other.setPrimary(false);
                contacts.saveAndFlush(other);
            }
        }
    }

    private long referenceCount(UUID accountId) {
        long count = references.stream().mapToLong(r -> r.count(accountId)).sum();
        Long merged = jdbc.queryForObject("SELECT count(*) FROM account WHERE merged_into = ?", Long.class, accountId);
        return count + (merged == null ? 0 : merged);
    }

    private void requireVersion(Account account, Long expected) {
        if (expected == null || !Objects.equals(account.getVersion(), expected)) {
            long base = expected == null ? -1 : expected;
            ChangeHistory.ChangesSince since = history.changesSince("account", account.getId(), base);
            List<AccountConflictException.FieldDifference> changes = since.changes().stream()
                    .map(change -> new AccountConflictException.FieldDifference(
                            AccountField.ofColumn(change.column()).orElse(null),
                            change.column(),
                            change.before(),
                            change.after()))
                    .filter(difference -> difference.field() != null)
                    .toList();
            throw new AccountConflictException(account.getId(), base, account.getVersion(), changes, since.changedBy());
        }
    }

    private AccountConflictException contactConflict(Contact contact, Long expected) {
        long base = expected == null ? -1 : expected;
        ChangeHistory.ChangesSince since = history.changesSince("contact", contact.getId(), base);
        List<AccountConflictException.FieldDifference> changes = since.changes().stream()
                .map(change -> new AccountConflictException.FieldDifference(
                        null, change.column(), change.before(), change.after()))
                .toList();
        return new AccountConflictException(contact.getId(), base, contact.getVersion(), changes, since.changedBy());
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

    private void validate(AccountForm form) {
        Set<ConstraintViolation<AccountForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw ruleOf(violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow());
        }
    }

    private void validateContact(ContactForm form) {
        Set<ConstraintViolation<ContactForm>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw ruleOf(violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow());
        }
    }

    private static AccountRuleException ruleOf(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        // Standard constraints without a message of ours get a general one.
        String messageKey = "accounts.validation.invalid";
        if (template.startsWith("{accounts.") && template.endsWith("}")) {
            messageKey = template.substring(1, template.length() - 1);
        }
        String path = violation.getPropertyPath().toString();
        int dot = path.indexOf('[');
        String field =
                dot > 0 ? path.substring(0, dot) : path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return AccountRuleException.onField(field, messageKey);
    }

    /** Trimmed strings, blanks as null, lower-case e-mails, no empty list entries, upper-case codes. */
    static AccountForm normalized(AccountForm form) {
        AccountForm clean = form.copy();
        clean.setCode(blankToNull(clean.getCode()));
        clean.setLegalName(blankToNull(clean.getLegalName()));
        clean.setTradeName(blankToNull(clean.getTradeName()));
        clean.setCountry(
                clean.getCountry() == null ? null : clean.getCountry().strip().toUpperCase(Locale.ROOT));
        String taxId = blankToNull(clean.getTaxId());
        clean.setTaxId(taxId != null && "ES".equals(clean.getCountry()) ? TaxIds.normalize(taxId) : taxId);
        clean.setEmails(distinct(
                clean.getEmails().stream().map(DuplicateRules::normalizeEmail).toList()));
        clean.setPhones(distinct(
                clean.getPhones().stream().map(AccountService::blankToNull).toList()));
        clean.setTags(new LinkedHashSet<>(distinct(new ArrayList<>(clean.getTags())
                .stream().map(AccountService::blankToNull).toList())));
        clean.setWebsite(blankToNull(clean.getWebsite()));
        clean.setCurrency(
                clean.getCurrency() == null ? null : clean.getCurrency().strip().toUpperCase(Locale.ROOT));
        clean.setLanguage(blankToNull(clean.getLanguage()));
        clean.setNotes(blankToNull(clean.getNotes()));
        clean.setAddresses(
                clean.getAddresses().stream().filter(Objects::nonNull).toList());
        return clean;
    }

    private static ContactForm normalized(ContactForm form) {
        ContactForm clean = new ContactForm();
        clean.setId(form.getId());
        clean.setVersion(form.getVersion());
        clean.setName(blankToNull(form.getName()));
        clean.setPosition(blankToNull(form.getPosition()));
        clean.setEmails(distinct(
                form.getEmails().stream().map(DuplicateRules::normalizeEmail).toList()));
        clean.setPhones(distinct(
                form.getPhones().stream().map(AccountService::blankToNull).toList()));
        clean.setLanguage(blankToNull(form.getLanguage()));
        clean.setPrimary(form.isPrimary());
        clean.setNotes(blankToNull(form.getNotes()));
        return clean;
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(v -> v != null && !v.isBlank()).distinct().collect(Collectors.toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static AccountFilter orDefault(AccountFilter filter) {
        return filter == null ? AccountFilter.active() : filter;
    }

    private static AccountSort orDefault(AccountSort sort) {
        return sort == null ? AccountSort.byName() : sort;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(
                "vaadin-i18n.translations",
                locale == null || !"es".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.of("es"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Saved filter definitions as JSON. */
    static final class SavedFilters {

        private SavedFilters() {}

        static String write(AccountFilter filter, AccountSort sort) {
            ObjectNode node = JSON.createObjectNode();
            node.putArray("roles")
                    .addAll(filter.roles().stream()
                            .sorted()
                            .map(role -> JSON.getNodeFactory().textNode(role.name()))
                            .toList());
            node.put("tag", filter.tag());
            node.put("owner", filter.ownerId() == null ? null : filter.ownerId().toString());
            node.put("status", filter.status().name());
            node.put("text", filter.text());
            node.put("sort", sort.column().name());
            node.put("descending", sort.descending());
            return JSON.writeValueAsString(node);
        }

        static SavedFilter read(UUID id, String name, String json) {
            JsonNode node = JSON.readTree(json);
            EnumSet<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
            node.path("roles").forEach(role -> roles.add(AccountRole.valueOf(role.asString())));
            AccountFilter filter = new AccountFilter(
                    roles,
                    text(node, "tag"),
                    text(node, "owner") == null ? null : UUID.fromString(text(node, "owner")),
                    AccountFilter.Status.valueOf(node.path("status").asString("ACTIVE")),
                    text(node, "text"));
            AccountSort sort = new AccountSort(
                    AccountSort.Column.valueOf(node.path("sort").asString("NAME")),
                    node.path("descending").asBoolean(false));
            return new SavedFilter(id, name, filter, sort);
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }
    }
}
