package com.nexo.accounts.imports;

import static com.nexo.accounts.imports.AccountImportFields.CODE;
import static com.nexo.accounts.imports.AccountImportFields.COUNTRY;
import static com.nexo.accounts.imports.AccountImportFields.TAX_ID;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.ReferringRecords;
import com.nexo.accounts.account.TaxIds;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.base.Ids;
import com.nexo.history.ChangeHistory;
import com.nexo.imports.ImportBatch;
import com.nexo.imports.ImportField;
import com.nexo.imports.ImportRow;
import com.nexo.imports.ImportTarget;
import com.nexo.imports.ImportedChange;
import com.nexo.imports.Refusal;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.UndoOutcome;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Accounts (clients, suppliers, prospects, professionals) and one contact each from a spreadsheet.
 * Rows match existing accounts by code or by tax id (compared as the duplicate check compares them:
 * letters and digits only, with or without the "ES" prefix); a row without its key is a new account,
 * numbered as the account form numbers one left blank. Values are checked by the account form's own
 * rules. Each batch is a few statements, whatever its size (see {@link AccountImportStore}).
 */
@Component
class AccountImportTarget implements ImportTarget {

    private static final String HISTORY_NOTE = "import";
    private static final String UNDO_NOTE = "import-undo";

    private final AccountImportStore store;
    private final AccountRowMerger merger;
    private final ReferringRecords referring;
    private final ChangeHistory history;

    AccountImportTarget(
            AccountImportStore store, AccountRowMerger merger, ReferringRecords referring, ChangeHistory history) {
        this.store = store;
        this.merger = merger;
        this.referring = referring;
        this.history = history;
    }

    @Override
    public String id() {
        return "accounts";
    }

    @Override
    public List<String> tables() {
        return List.of("account", "contact");
    }

    @Override
    public String labelKey() {
        return "imports.target.accounts";
    }

    @Override
    public String descriptionKey() {
        return "imports.target.accounts.description";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(AccountPermissions.CREATE, AccountPermissions.EDIT);
    }

    @Override
    public List<ImportField> fields() {
        return AccountImportFields.FIELDS;
    }

    @Override
    public List<String> keyFields() {
        return List.of(CODE, TAX_ID);
    }

    /** What becomes of one row, decided before anything is written. */
    private static final class Plan {
        final ImportRow row;
        RowOutcome refused;
        AccountColumns.Stored stored;
        AccountColumns columns;
        Map<String, Object> previous = Map.of();
        ContactForm contact;
        boolean primaryContact;
        UUID id;
        UUID contactId;

        Plan(ImportRow row) {
            this.row = row;
        }

        void refuse(Refusal refusal) {
            refused = RowOutcome.refused(row.line(), refusal);
        }

        boolean accepted() {
            return refused == null;
        }

        boolean creates() {
            return accepted() && stored == null;
        }

        boolean changesAccount() {
            return accepted() && stored != null && !previous.isEmpty();
        }
    }

    @Override
    @RolesAllowed({AccountPermissions.CREATE, AccountPermissions.EDIT, Roles.SYSTEM})
    public List<RowOutcome> apply(ImportBatch batch) {
        boolean byTaxId = TAX_ID.equals(batch.keyField());
        if (!byTaxId && !CODE.equals(batch.keyField())) {
            throw new IllegalArgumentException("Accounts are matched by code or tax id, not " + batch.keyField());
        }
        List<Plan> plans = batch.rows().stream().map(Plan::new).toList();
        Map<Plan, List<String>> keys = keysOf(plans, byTaxId);
        match(plans, keys, byTaxId, batch.write());
        Map<String, UUID> codesTaken = codesTaken(plans, byTaxId);
        Map<UUID, List<AccountImportStore.ContactSeen>> contacts = contactsOf(plans);

        Set<String> batchCodes = new HashSet<>();
        for (Plan plan : plans) {
            if (plan.accepted()) {
                decide(plan, codesTaken, batchCodes, contacts);
            }
        }
        if (batch.write()) {
            write(plans, batchCodes);
        }
        return plans.stream().map(plan -> outcome(plan, batch.write())).toList();
    }

    /**
     * Each row's key as looked up: its code, or its tax id's keys (with and without the "ES" prefix).
     * Rows without a key are new accounts; a tax id repeated in another writing refuses the later row.
     */
    private static Map<Plan, List<String>> keysOf(List<Plan> plans, boolean byTaxId) {
        Map<Plan, List<String>> keys = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Plan plan : plans) {
            ImportRow row = plan.row;
            if (!byTaxId) {
                if (row.has(CODE)) {
                    keys.put(plan, List.of(row.<String>get(CODE).strip()));
                }
                continue;
            }
            if (!row.has(TAX_ID)) {
                continue;
            }
            String country = row.has(COUNTRY) ? row.<String>get(COUNTRY).strip().toUpperCase(Locale.ROOT) : "ES";
            String key = taxKey(row.get(TAX_ID), country);
            if (key == null) {
                continue;
            }
            if (!seen.add(key)) {
                plan.refuse(Refusal.of(TAX_ID, "accounts.import.tax-id-repeated", row.<String>get(TAX_ID)));
                continue;
            }
            List<String> candidates = new ArrayList<>(List.of(key));
            if (key.startsWith("ES") && key.length() == 11) {
                candidates.add(key.substring(2));
            } else if (key.length() == 9) {
                candidates.add("ES" + key);
            }
            keys.put(plan, candidates);
        }
        return keys;
    }

    /** A tax id as the table's {@code tax_id_key} keeps it, once normalised as the form stores it. */
    static String taxKey(String taxId, String country) {
        String stored = "ES".equals(country) ? TaxIds.normalize(taxId) : taxId;
        String key = stored == null ? "" : stored.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return key.isEmpty() ? null : key;
    }

    /** Finds (and, when writing, locks) the accounts the keys match; a key matching two is refused. */
    private void match(List<Plan> plans, Map<Plan, List<String>> keys, boolean byTaxId, boolean lock) {
        Set<String> wanted = new LinkedHashSet<>();
        keys.values().forEach(wanted::addAll);
        List<AccountColumns.Stored> found = byTaxId ? store.byTaxKey(wanted, lock) : store.byCode(wanted, lock);
        Map<String, List<AccountColumns.Stored>> byKey = new HashMap<>();
        for (AccountColumns.Stored account : found) {
            // As the table's tax_id_key has it: letters and digits of the tax id as stored.
            String key = byTaxId
                    ? account.columns().taxId().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "")
                    : account.columns().code();
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(account);
        }
        for (Plan plan : plans) {
            List<String> planKeys = keys.get(plan);
            if (planKeys == null || !plan.accepted()) {
                continue;
            }
            Map<UUID, AccountColumns.Stored> matches = new LinkedHashMap<>();
            planKeys.forEach(key -> byKey.getOrDefault(key, List.of()).forEach(a -> matches.put(a.id(), a)));
            if (matches.size() > 1) {
                plan.refuse(Refusal.of(TAX_ID, "accounts.import.tax-id-ambiguous", matches.size()));
            } else if (matches.size() == 1) {
                plan.stored = matches.values().iterator().next();
            }
        }
    }

    /** The accounts that have the codes the rows bring, by code. */
    private Map<String, UUID> codesTaken(List<Plan> plans, boolean byTaxId) {
        Set<String> codes = new HashSet<>();
        for (Plan plan : plans) {
            if (plan.accepted() && plan.row.has(CODE)) {
                codes.add(plan.row.<String>get(CODE).strip());
            }
        }
        if (!byTaxId) {
            // Matched by code: every account that has one of these codes is some row's match.
            Map<String, UUID> taken = new HashMap<>();
            plans.stream()
                    .filter(plan -> plan.stored != null)
                    .forEach(plan -> taken.put(plan.stored.columns().code(), plan.stored.id()));
            return taken;
        }
        return store.codesTaken(codes);
    }

    private Map<UUID, List<AccountImportStore.ContactSeen>> contactsOf(List<Plan> plans) {
        Set<UUID> ids = new HashSet<>();
        for (Plan plan : plans) {
            if (plan.accepted()
                    && plan.stored != null
                    && AccountImportFields.CONTACT.stream().anyMatch(plan.row::has)) {
                ids.add(plan.stored.id());
            }
        }
        Map<UUID, List<AccountImportStore.ContactSeen>> contacts = new HashMap<>();
        store.contactsOf(ids)
                .forEach(contact -> contacts.computeIfAbsent(contact.accountId(), id -> new ArrayList<>())
                        .add(contact));
        return contacts;
    }

    /** Merges the row over its account, checks it, and tells whether it creates, changes or leaves it. */
    private void decide(
            Plan plan,
            Map<String, UUID> codesTaken,
            Set<String> batchCodes,
            Map<UUID, List<AccountImportStore.ContactSeen>> contacts) {
        AccountRowMerger.Merged merged = merger.merge(plan.row, plan.stored == null ? null : plan.stored.columns());
        if (merged.refusal() != null) {
            plan.refuse(merged.refusal());
            return;
        }
        String code = merged.columns().code();
        if (code != null) {
            UUID owner = codesTaken.get(code);
            boolean takenByOther = owner != null && (plan.stored == null || !owner.equals(plan.stored.id()));
            if (takenByOther || batchCodes.contains(code)) {
                plan.refuse(Refusal.of(CODE, "accounts.error.code-taken", code));
                return;
            }
        }
        Optional<ContactForm> contact = merger.contact(plan.row);
        if (contact.isPresent()) {
            Optional<Refusal> fault = merger.contactFault(contact.get());
            if (fault.isPresent()) {
                plan.refuse(fault.get());
                return;
            }
            List<AccountImportStore.ContactSeen> existing =
                    plan.stored == null ? List.of() : contacts.getOrDefault(plan.stored.id(), List.of());
            if (existing.stream().noneMatch(seen -> sameContact(seen, contact.get()))) {
                plan.contact = contact.get();
                plan.primaryContact = existing.isEmpty();
            }
        }
        if (code != null) {
            batchCodes.add(code);
        }
        plan.columns = merged.columns();
        if (plan.stored != null) {
            plan.previous = merged.columns().previousOfChanged(plan.stored.columns());
        }
    }

    private static boolean sameContact(AccountImportStore.ContactSeen seen, ContactForm contact) {
        return AccountRowMerger.nameKey(seen.name()).equals(AccountRowMerger.nameKey(contact.getName()))
                || contact.getEmails().stream()
                        .anyMatch(email -> seen.emails().stream().anyMatch(email::equalsIgnoreCase));
    }

    /** New accounts with their codes, changed accounts, new contacts: one statement each. */
    private void write(List<Plan> plans, Set<String> batchCodes) {
        List<Plan> creating = plans.stream().filter(Plan::creates).toList();
        List<Plan> changing = plans.stream().filter(Plan::changesAccount).toList();
        List<Plan> withContact =
                plans.stream().filter(p -> p.accepted() && p.contact != null).toList();
        if (creating.isEmpty() && changing.isEmpty() && withContact.isEmpty()) {
            return;
        }
        history.noteForThisTransaction(HISTORY_NOTE);
        List<Plan> unnumbered =
                creating.stream().filter(p -> p.columns.code() == null).toList();
        List<String> codes = unnumbered.isEmpty() ? List.of() : store.takeCodes(unnumbered.size(), batchCodes);
        for (int i = 0; i < unnumbered.size(); i++) {
            Plan plan = unnumbered.get(i);
            AccountColumns c = plan.columns;
            plan.columns = new AccountColumns(
                    codes.get(i),
                    c.kind(),
                    c.roles(),
                    c.legalName(),
                    c.tradeName(),
                    c.taxId(),
                    c.country(),
                    c.addresses(),
                    c.emails(),
                    c.phones(),
                    c.website(),
                    c.creditLimit(),
                    c.currency(),
                    c.language(),
                    c.tags(),
                    c.notes());
        }
        creating.forEach(plan -> plan.id = Ids.newId());
        store.insert(creating.stream()
                .map(p -> new AccountImportStore.NewAccount(p.id, p.columns))
                .toList());
        Map<UUID, Long> versions = store.update(changing.stream()
                .map(p -> new AccountColumns.Stored(p.stored.id(), p.stored.version(), p.columns))
                .toList());
        changing.forEach(plan -> plan.stored = new AccountColumns.Stored(
                plan.stored.id(), versions.getOrDefault(plan.stored.id(), plan.stored.version()), plan.columns));
        List<AccountImportStore.NewContact> contacts = new ArrayList<>();
        for (Plan plan : withContact) {
            plan.contactId = Ids.newId();
            contacts.add(new AccountImportStore.NewContact(
                    plan.contactId,
                    plan.stored == null ? plan.id : plan.stored.id(),
                    plan.contact.getName(),
                    plan.contact.getPosition(),
                    plan.contact.getEmails(),
                    plan.contact.getPhones(),
                    plan.primaryContact));
        }
        store.insertContacts(contacts);
    }

    private static RowOutcome outcome(Plan plan, boolean written) {
        long line = plan.row.line();
        if (!plan.accepted()) {
            return plan.refused;
        }
        List<UUID> contacts = plan.contactId == null ? List.of() : List.of(plan.contactId);
        if (plan.stored == null) {
            return written
                    ? RowOutcome.created(line, plan.id, AccountImportStore.json(Map.of("contacts", contacts)), 0L)
                    : RowOutcome.created(line, null, null, null);
        }
        if (plan.previous.isEmpty() && plan.contact == null) {
            return RowOutcome.unchanged(line, plan.stored.id());
        }
        if (!written) {
            return RowOutcome.updated(line, plan.stored.id(), null, null);
        }
        Map<String, Object> undo = new LinkedHashMap<>();
        undo.put("previous", plan.previous);
        undo.put("contacts", contacts);
        return RowOutcome.updated(line, plan.stored.id(), AccountImportStore.json(undo), plan.stored.version());
    }

    @Override
    @RolesAllowed({AccountPermissions.CREATE, AccountPermissions.EDIT, Roles.SYSTEM})
    public List<UndoOutcome> undo(List<ImportedChange> changes, boolean includeChangedLater, boolean write) {
        Map<UUID, Long> versions =
                store.versions(changes.stream().map(ImportedChange::entityId).toList(), write);
        Map<UUID, UndoOutcome.Result> results = new LinkedHashMap<>();
        List<UUID> removing = new ArrayList<>();
        Map<UUID, String> restoring = new LinkedHashMap<>();
        List<UUID> contactsToRemove = new ArrayList<>();
        for (ImportedChange change : changes) {
            UUID id = change.entityId();
            Long version = versions.get(id);
            if (version == null) {
                results.put(id, UndoOutcome.Result.GONE);
            } else if (!includeChangedLater
                    && change.versionAfter() != null
                    && !version.equals(change.versionAfter())) {
                results.put(id, UndoOutcome.Result.CHANGED_LATER);
            } else if (change.action() == RowAction.CREATED) {
                removing.add(id);
            } else if (change.action() == RowAction.UPDATED) {
                results.put(id, UndoOutcome.Result.RESTORED);
                if (change.undoData() != null) {
                    JsonNode undo = AccountImportStore.readJson(change.undoData());
                    JsonNode previous = undo.get("previous");
                    if (previous != null && !previous.isEmpty()) {
                        restoring.put(id, previous.toString());
                    }
                    JsonNode created = undo.get("contacts");
                    if (created != null) {
                        created.forEach(contact -> contactsToRemove.add(UUID.fromString(contact.asString())));
                    }
                }
            }
        }
        Set<UUID> referred = referring.referred(removing);
        for (UUID id : removing) {
            results.put(id, referred.contains(id) ? UndoOutcome.Result.ARCHIVED : UndoOutcome.Result.DELETED);
        }
        if (write) {
            history.noteForThisTransaction(UNDO_NOTE);
            List<UUID> deleting =
                    removing.stream().filter(id -> !referred.contains(id)).toList();
            Set<UUID> kept = store.deleteOrKeepReferred(deleting);
            kept.forEach(id -> results.put(id, UndoOutcome.Result.ARCHIVED));
            Set<UUID> archiving = new HashSet<>(referred);
            archiving.addAll(kept);
            store.archive(archiving);
            store.restore(restoring);
            store.deleteContacts(contactsToRemove);
        }
        return changes.stream()
                .map(change -> new UndoOutcome(change.entityId(), results.get(change.entityId())))
                .toList();
    }
}
