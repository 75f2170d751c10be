package com.nexo.accounts.contacts;

import com.nexo.accounts.AccountPermissions;
import com.nexo.accounts.account.AccountConflictException;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountRules;
import com.nexo.accounts.account.DuplicateRules;
import com.nexo.history.ChangeHistory;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts of an account: list, form, add, change, delete, and which one is primary (at most one
 * per account). Reading needs {@link AccountPermissions#READ}, changing {@link AccountPermissions#EDIT}.
 */
@Service
public class ContactService {

    private final ContactRepository contacts;
    private final AccountRules rules;
    private final ChangeHistory history;

    ContactService(ContactRepository contacts, AccountRules rules, ChangeHistory history) {
        this.contacts = contacts;
        this.rules = rules;
        this.history = history;
    }

    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<ContactRow> contacts(UUID accountId) {
        rules.find(accountId);
        return contacts.findByAccountIdOrderByPrimaryDescNameAsc(accountId).stream()
                .map(Contact::toRow)
                .toList();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public ContactForm getContact(UUID contactId) {
        return findContact(contactId).toForm();
    }

    /** Adds a contact; if it is marked primary (or is the first one), it becomes the primary one. */
    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public UUID addContact(UUID accountId, ContactForm form) {
        rules.find(accountId);
        ContactForm clean = normalized(form);
        rules.validate(clean);
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
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public long updateContact(ContactForm form) {
        Objects.requireNonNull(form, "form");
        Contact contact = findContact(form.getId());
        if (!Objects.equals(contact.getVersion(), form.getVersion())) {
            throw conflict(contact, form.getVersion());
        }
        ContactForm clean = normalized(form);
        rules.validate(clean);
        if (clean.isPrimary() && !contact.isPrimary()) {
            demotePrimary(contact.getAccountId(), contact.getId());
            contact.setPrimary(true);
        }
        contact.apply(clean);
        contacts.saveAndFlush(contact);
        return contact.getVersion();
    }

    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public void makePrimary(UUID contactId) {
        Contact contact = findContact(contactId);
        if (!contact.isPrimary()) {
            demotePrimary(contact.getAccountId(), contactId);
            contact.setPrimary(true);
            contacts.saveAndFlush(contact);
        }
    }

    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public void deleteContact(UUID contactId) {
        Contact contact = findContact(contactId);
        contacts.delete(contact);
        contacts.flush();
    }

    private Contact findContact(UUID id) {
        if (id == null) {
            throw new AccountRuleException("accounts.error.contact-not-found");
        }
        return contacts.findById(id).orElseThrow(() -> new AccountRuleException("accounts.error.contact-not-found"));
    }

    private void demotePrimary(UUID accountId, UUID except) {
        for (Contact other : contacts.findByAccountIdOrderByPrimaryDescNameAsc(accountId)) {
            if (other.isPrimary() && !other.getId().equals(except)) {
                other.setPrimary(false);
                contacts.saveAndFlush(other);
            }
        }
    }

    private AccountConflictException conflict(Contact contact, Long expected) {
        long base = expected == null ? -1 : expected;
        ChangeHistory.ChangesSince since = history.changesSince("contact", contact.getId(), base);
        List<AccountConflictException.FieldDifference> changes = since.changes().stream()
                .map(change -> new AccountConflictException.FieldDifference(
                        null, change.column(), change.before(), change.after()))
                .toList();
        return new AccountConflictException(contact.getId(), base, contact.getVersion(), changes, since.changedBy());
    }

    private static ContactForm normalized(ContactForm form) {
        ContactForm clean = new ContactForm();
        clean.setId(form.getId());
        clean.setVersion(form.getVersion());
        clean.setName(AccountRules.blankToNull(form.getName()));
        clean.setPosition(AccountRules.blankToNull(form.getPosition()));
        clean.setEmails(AccountRules.distinct(
                form.getEmails().stream().map(DuplicateRules::normalizeEmail).toList()));
        clean.setPhones(AccountRules.distinct(
                form.getPhones().stream().map(AccountRules::blankToNull).toList()));
        clean.setLanguage(AccountRules.blankToNull(form.getLanguage()));
        clean.setPrimary(form.isPrimary());
        clean.setNotes(AccountRules.blankToNull(form.getNotes()));
        return clean;
    }
}
