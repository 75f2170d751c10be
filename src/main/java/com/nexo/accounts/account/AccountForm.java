package com.nexo.accounts.account;

import com.nexo.base.validation.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The editable values of an account, as a form binds them ({@code BeanValidationBinder}): loaded by
 * {@link AccountService#getForm(UUID)} or {@link AccountService#newForm()}, saved by
 * {@link AccountService#create(AccountForm)} or {@link AccountService#update(AccountForm)}. The
 * version is the one the form was loaded at; saving over a newer one is refused with the changes.
 * Messages are translation keys resolved in the user's language.
 */
@ValidTaxId
public class AccountForm {

    private UUID id;
    private Long version;

    @NotNull(message = "{accounts.validation.kind-required}")
    private AccountKind kind = AccountKind.ORGANIZATION;

    @NotEmpty(message = "{accounts.validation.roles-required}")
    private Set<AccountRole> roles = EnumSet.of(AccountRole.CLIENT);

    /** Blank on a new account: the next free code is taken. */
    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 30, message = "{accounts.validation.too-long}")
    @Pattern(regexp = "[A-Za-z0-9._/-]*", message = "{accounts.validation.code-format}")
    private String code;

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @NotBlank(message = "{accounts.validation.legal-name-required}")
    @Size(max = 200, message = "{accounts.validation.too-long}")
    private String legalName;

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 200, message = "{accounts.validation.too-long}")
    private String tradeName;

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 40, message = "{accounts.validation.too-long}")
    private String taxId;

    @NotNull(message = "{accounts.validation.country}")
    @Pattern(regexp = "[A-Z]{2}", message = "{accounts.validation.country}")
    private String country = "ES";

    private List<@Valid Address> addresses = new ArrayList<>();

    private List<
                    @Email(message = "{accounts.validation.email}")
                    @NoControlCharacters(message = "{accounts.validation.control-characters}")
                    @Size(max = 254, message = "{accounts.validation.too-long}") String>
            emails = new ArrayList<>();

    private List<@Pattern(regexp = "\\+?[0-9 ().-]{6,25}", message = "{accounts.validation.phone}") String> phones =
            new ArrayList<>();

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 200, message = "{accounts.validation.too-long}")
    @Pattern(regexp = "((https?://)?[^\\s/]+\\.[^\\s]+)?", message = "{accounts.validation.website}")
    private String website;

    private PaymentTerms paymentTerms;

    @DecimalMin(value = "0", message = "{accounts.validation.credit-limit}")
    @Digits(integer = 13, fraction = 2, message = "{accounts.validation.credit-limit}")
    private BigDecimal creditLimit;

    @NotNull(message = "{accounts.validation.currency}")
    @Pattern(regexp = "[A-Z]{3}", message = "{accounts.validation.currency}")
    private String currency = "EUR";

    @Pattern(regexp = "es|en", message = "{accounts.validation.language}")
    private String language;

    private Set<
                    @NotBlank(message = "{accounts.validation.tag}")
                    @NoControlCharacters(message = "{accounts.validation.control-characters}")
                    @Size(max = 40, message = "{accounts.validation.too-long}") String>
            tags = new LinkedHashSet<>();

    @NoControlCharacters(message = "{accounts.validation.control-characters}")
    @Size(max = 4000, message = "{accounts.validation.too-long}")
    private String notes;

    private UUID ownerId;

    private boolean archived;

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public AccountKind getKind() {
        return kind;
    }

    public void setKind(AccountKind kind) {
        this.kind = kind;
    }

    public Set<AccountRole> getRoles() {
        return roles;
    }

    public void setRoles(Set<AccountRole> roles) {
        this.roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(AccountRole.class) : EnumSet.copyOf(roles);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getTradeName() {
        return tradeName;
    }

    public void setTradeName(String tradeName) {
        this.tradeName = tradeName;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public List<Address> getAddresses() {
        return addresses;
    }

    public void setAddresses(List<Address> addresses) {
        this.addresses = addresses == null ? new ArrayList<>() : new ArrayList<>(addresses);
    }

    public List<String> getEmails() {
        return emails;
    }

    public void setEmails(List<String> emails) {
        this.emails = emails == null ? new ArrayList<>() : new ArrayList<>(emails);
    }

    public List<String> getPhones() {
        return phones;
    }

    public void setPhones(List<String> phones) {
        this.phones = phones == null ? new ArrayList<>() : new ArrayList<>(phones);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public PaymentTerms getPaymentTerms() {
        return paymentTerms;
    }

    public void setPaymentTerms(PaymentTerms paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    public BigDecimal getCreditLimit() {
        return creditLimit;
    }

    public void setCreditLimit(BigDecimal creditLimit) {
        this.creditLimit = creditLimit;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public Set<String> getTags() {
        return tags;
    }

    public void setTags(Set<String> tags) {
        this.tags = tags == null ? new LinkedHashSet<>() : new LinkedHashSet<>(tags);
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    /** Read-only in the form: archive and restore are their own service calls. */
    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    /** A copy, so a merge or a test can change values without touching the original. */
    public AccountForm copy() {
        AccountForm copy = new AccountForm();
        copy.id = id;
        copy.version = version;
        copy.kind = kind;
        copy.setRoles(roles);
        copy.code = code;
        copy.legalName = legalName;
        copy.tradeName = tradeName;
        copy.taxId = taxId;
        copy.country = country;
        copy.setAddresses(addresses);
        copy.setEmails(emails);
        copy.setPhones(phones);
        copy.website = website;
        copy.paymentTerms = paymentTerms;
        copy.creditLimit = creditLimit;
        copy.currency = currency;
        copy.language = language;
        copy.setTags(tags);
        copy.notes = notes;
        copy.ownerId = ownerId;
        copy.archived = archived;
        return copy;
    }
}
