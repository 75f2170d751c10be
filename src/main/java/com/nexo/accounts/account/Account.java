package com.nexo.accounts.account;

import com.nexo.base.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation or person the tenant deals with; see {@link AccountForm} for the values. */
@Entity
@Table(name = "account")
public class Account extends TenantOwnedEntity {

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] roles;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(name = "trade_name")
    private String tradeName;

    @Column(name = "tax_id")
    private String taxId;

    @Column(nullable = false)
    private String country;

    @Column(columnDefinition = "jsonb", nullable = false)
    @ColumnTransformer(write = "?::jsonb")
    private String addresses = "[]";

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] emails = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] phones = new String[0];

    private String website;

    @Column(name = "payment_terms")
    private String paymentTerms;

    @Column(name = "credit_limit")
    private BigDecimal creditLimit;

    @Column(nullable = false)
    private String currency;

    private String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] tags = new String[0];

    private String notes;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "merged_into")
    private UUID mergedInto;

    protected Account() {}

    /** A new account with a fixed id (demo data, imports); otherwise a fresh UUIDv7. */
    Account(UUID id) {
        if (id != null) {
            assignId(id);
        }
    }

    /** Takes every editable value of the form (already validated and normalised). */
    public void apply(AccountForm form) {
        code = form.getCode();
        kind = form.getKind().name();
        roles = form.getRoles().stream().sorted().map(Enum::name).toArray(String[]::new);
        legalName = form.getLegalName();
        tradeName = form.getTradeName();
        taxId = form.getTaxId();
        country = form.getCountry();
        addresses = AddressesJson.write(form.getAddresses());
        emails = form.getEmails().toArray(String[]::new);
        phones = form.getPhones().toArray(String[]::new);
        website = form.getWebsite();
        paymentTerms =
                form.getPaymentTerms() == null ? null : form.getPaymentTerms().name();
        creditLimit = form.getCreditLimit();
        currency = form.getCurrency();
        language = form.getLanguage();
        tags = form.getTags().toArray(String[]::new);
        notes = form.getNotes();
        ownerId = form.getOwnerId();
    }

    public AccountForm toForm() {
        AccountForm form = new AccountForm();
        form.setId(getId());
        form.setVersion(getVersion());
        form.setCode(code);
        form.setKind(AccountKind.valueOf(kind));
        EnumSet<AccountRole> roleSet = EnumSet.noneOf(AccountRole.class);
        Arrays.stream(roles).map(AccountRole::valueOf).forEach(roleSet::add);
        form.setRoles(roleSet);
        form.setLegalName(legalName);
        form.setTradeName(tradeName);
        form.setTaxId(taxId);
        form.setCountry(country);
        form.setAddresses(AddressesJson.read(addresses));
        form.setEmails(List.of(emails));
        form.setPhones(List.of(phones));
        form.setWebsite(website);
        form.setPaymentTerms(paymentTerms == null ? null : PaymentTerms.valueOf(paymentTerms));
        form.setCreditLimit(creditLimit);
        form.setCurrency(currency);
        form.setLanguage(language);
        form.setTags(new LinkedHashSet<>(List.of(tags)));
        form.setNotes(notes);
        form.setOwnerId(ownerId);
        form.setArchived(archived);
        return form;
    }

    void archive() {
        archived = true;
    }

    void restore() {
        archived = false;
        mergedInto = null;
    }

    public void markMergedInto(UUID survivor) {
        mergedInto = survivor;
        archived = true;
    }

    String getCode() {
        return code;
    }

    String getLegalName() {
        return legalName;
    }

    boolean isArchived() {
        return archived;
    }

    UUID getOwnerId() {
        return ownerId;
    }

    public UUID getMergedInto() {
        return mergedInto;
    }
}
