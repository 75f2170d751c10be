package com.nexo.accounts.contacts;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person of an account. */
@Entity
@Table(name = "contact")
public class Contact extends TenantOwnedEntity {

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(nullable = false)
    private String name;

    private String position;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] emails = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] phones = new String[0];

    private String language;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    private String notes;

    @Column(name = "portal_user_id")
    private UUID portalUserId;

    protected Contact() {}

    Contact(UUID accountId) {
        this.accountId = accountId;
    }

    void apply(ContactForm form) {
        name = form.getName();
        position = form.getPosition();
        emails = form.getEmails().toArray(String[]::new);
        phones = form.getPhones().toArray(String[]::new);
        language = form.getLanguage();
        notes = form.getNotes();
    }

    ContactForm toForm() {
        ContactForm form = new ContactForm();
        form.setId(getId());
        form.setVersion(getVersion());
        form.setName(name);
        form.setPosition(position);
        form.setEmails(List.of(emails));
        form.setPhones(List.of(phones));
        form.setLanguage(language);
        form.setPrimary(primary);
        form.setNotes(notes);
        return form;
    }

    public ContactRow toRow() {
        return new ContactRow(
                getId(),
                accountId,
                name,
                position,
                List.of(emails),
                List.of(phones),
                language,
                primary,
                portalUserId,
                getVersion() == null ? 0 : getVersion());
    }

    UUID getAccountId() {
        return accountId;
    }

    public boolean isPrimary() {
        return primary;
    }

    public void setPrimary(boolean primary) {
        this.primary = primary;
    }

    public void moveTo(UUID otherAccount) {
        this.accountId = otherAccount;
    }
}
