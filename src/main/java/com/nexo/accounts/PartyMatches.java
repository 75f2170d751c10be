package com.nexo.accounts;

import com.nexo.accounts.account.AccountForm;
import com.nexo.accounts.account.AccountKind;
import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.AccountRuleException;
import com.nexo.accounts.account.AccountService;
import com.nexo.accounts.account.DuplicateCandidate;
import com.nexo.accounts.account.DuplicateRules;
import com.nexo.accounts.account.TaxIds;
import com.nexo.accounts.contacts.ContactForm;
import com.nexo.accounts.contacts.ContactService;
import com.nexo.accounts.search.AccountRows;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and companies another module captures before they are accounts (the CRM's leads): which
 * existing accounts and contacts look like one of them, by the accounts module's own duplicate rules
 * ({@code DuplicateRules}: same tax id, shared e-mail, very similar name; a contact also by phone),
 * and turning one into an account with a contact. Reads join the caller's transaction and row-level
 * security context. Finding matches only needs staff or system work (the caller checks its own
 * permission, as with {@link AccountDirectory}); creating needs the accounts permissions.
 */
@Service
public class PartyMatches {

    /** The most matches of each kind returned. */
    static final int LIMIT = 10;

    private static final String ACCOUNTS = """
            SELECT a.id, a.legal_name, a.tax_id, a.emails, d.similarity AS sim
              FROM nexo_account_duplicates(NULL, CAST(:taxKey AS text), CAST(:emails AS text[]),
                   CAST(:name AS text), CAST(:trade AS text), CAST(:threshold AS real)) d
              JOIN account a ON a.id = d.id
             WHERE a.merged_into IS NULL
             ORDER BY d.similarity DESC, a.id
            """;

    private static final String CONTACTS = """
            SELECT c.id, c.account_id, c.name, a.legal_name,
                   c.emails && CAST(:emails AS text[]) AS same_email,
                   (:phone <> '' AND EXISTS (SELECT FROM unnest(c.phones) p
                                              WHERE regexp_replace(p, '[^0-9]', '', 'g') = :phone)) AS same_phone,
                   CASE WHEN :person = '' THEN 0 ELSE similarity(lower(c.name), :person) END AS sim
              FROM contact c
              JOIN account a ON a.id = c.account_id AND a.merged_into IS NULL
             WHERE c.emails && CAST(:emails AS text[])
                OR (:phone <> '' AND EXISTS (SELECT FROM unnest(c.phones) p
                                              WHERE regexp_replace(p, '[^0-9]', '', 'g') = :phone))
                OR (:person <> '' AND similarity(lower(c.name), :person) >= :threshold)
             ORDER BY sim DESC, c.id
             LIMIT :limit
            """;

    private static final String CONTACT = """
            SELECT c.id, c.account_id, c.name, a.legal_name FROM contact c JOIN account a ON a.id = c.account_id
             WHERE c.id = :id
            """;

    /** What is known of a person and/or company being entered; blank values are left out. */
    public record Probe(String personName, String companyName, String email, String phone, String taxId) {}

    /** A new account (with the prospect role) and, if a person is named, its primary contact. */
    public record NewParty(
            String personName, String companyName, String email, String phone, String taxId, UUID ownerId) {}

    /** A contact as another module shows it, with its account. */
    public record ContactRef(UUID id, UUID accountId, String name, String accountName) {}

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final ContactService contacts;

    PartyMatches(JdbcClient jdbc, AccountService accounts, ContactService contacts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.contacts = contacts;
    }

    /** Accounts, then contacts, that look like {@code probe}, best first within each kind. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<PartyMatch> matches(Probe probe) {
        String email = DuplicateRules.normalizeEmail(blankToNull(probe.email()));
        String[] emails = email == null ? new String[0] : new String[] {email};
        String person = blankToNull(probe.personName());
        String company = blankToNull(probe.companyName());
        String taxId = blankToNull(probe.taxId());
        AccountForm entered = new AccountForm();
        entered.setLegalName(company != null ? company : person);
        entered.setTaxId(taxId);
        entered.setEmails(email == null ? List.of() : List.of(email));
        List<PartyMatch> found = new ArrayList<>();
        jdbc
                .sql(ACCOUNTS)
                .param("taxKey", taxId == null ? null : TaxIds.normalize(taxId))
                .param("emails", emails)
                .param("name", company == null ? "" : company)
                .param("trade", person == null ? "" : person)
                .param("threshold", DuplicateRules.NAME_SIMILARITY)
                .query((rs, i) -> {
                    Set<DuplicateCandidate.Reason> reasons = DuplicateRules.reasons(
                            entered,
                            rs.getString("tax_id"),
                            AccountRows.strings(rs.getArray("emails")),
                            rs.getDouble("sim"));
                    if (reasons.isEmpty()) {
                        return null;
                    }
                    EnumSet<PartyMatch.Reason> why = EnumSet.noneOf(PartyMatch.Reason.class);
                    reasons.forEach(reason -> why.add(PartyMatch.Reason.valueOf(reason.name())));
                    String name = rs.getString("legal_name");
                    return new PartyMatch(
                            PartyMatch.Kind.ACCOUNT, rs.getObject("id", UUID.class), null, name, name, why);
                })
                .list()
                .stream()
                .filter(match -> match != null)
                .limit(LIMIT)
                .forEach(found::add);
        String phone = probe.phone() == null ? "" : probe.phone().replaceAll("[^0-9]", "");
        jdbc.sql(CONTACTS)
                .param("emails", emails)
                .param("phone", phone.length() >= 6 ? phone : "")
                .param("person", person == null ? "" : person.toLowerCase(java.util.Locale.ROOT))
                .param("threshold", DuplicateRules.NAME_SIMILARITY)
                .param("limit", LIMIT)
                .query((rs, i) -> {
                    EnumSet<PartyMatch.Reason> why = EnumSet.noneOf(PartyMatch.Reason.class);
                    if (rs.getBoolean("same_email")) {
                        why.add(PartyMatch.Reason.SAME_EMAIL);
                    }
                    if (rs.getBoolean("same_phone")) {
                        why.add(PartyMatch.Reason.SAME_PHONE);
                    }
                    if (rs.getDouble("sim") >= DuplicateRules.NAME_SIMILARITY) {
                        why.add(PartyMatch.Reason.SIMILAR_NAME);
                    }
                    return new PartyMatch(
                            PartyMatch.Kind.CONTACT,
                            rs.getObject("account_id", UUID.class),
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("legal_name"),
                            why);
                })
                .list()
                .forEach(found::add);
        return found;
    }

    /** The contact with its account, if it exists and the caller may read it. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Optional<ContactRef> contact(UUID contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        return jdbc.sql(CONTACT)
                .param("id", contactId)
                .query((rs, i) -> new ContactRef(
                        rs.getObject("id", UUID.class),
                        rs.getObject("account_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("legal_name")))
                .optional();
    }

    /**
     * Creates a prospect account for {@code party} (a company, or the person alone when no company is
     * named); returns its id. Refused with {@link PartyRefusedException} when the accounts module's
     * rules refuse the values (an invalid tax id, for one). Joins the caller's transaction.
     */
    @Transactional
    @RolesAllowed({AccountPermissions.CREATE, Roles.SYSTEM})
    public UUID createAccount(NewParty party) {
        String company = blankToNull(party.companyName());
        AccountForm form = accounts.newForm();
        form.setCode(null);
        form.setKind(company == null ? AccountKind.INDIVIDUAL : AccountKind.ORGANIZATION);
        form.setRoles(EnumSet.of(AccountRole.PROSPECT));
        form.setLegalName(company != null ? company : blankToNull(party.personName()));
        form.setTaxId(blankToNull(party.taxId()));
        String email = blankToNull(party.email());
        form.setEmails(email == null ? new ArrayList<>() : new ArrayList<>(List.of(email)));
        String phone = blankToNull(party.phone());
        form.setPhones(phone == null ? new ArrayList<>() : new ArrayList<>(List.of(phone)));
        form.setOwnerId(party.ownerId());
        try {
            return accounts.create(form);
        } catch (AccountRuleException e) {
            throw new PartyRefusedException(e.field(), e.messageKey(), e.arguments());
        }
    }

    /** Adds {@code personName} as a contact of the account (primary when it is the first); returns its id. */
    @Transactional
    @RolesAllowed({AccountPermissions.EDIT, Roles.SYSTEM})
    public UUID addContact(UUID accountId, String personName, String email, String phone) {
        ContactForm form = new ContactForm();
        form.setName(blankToNull(personName));
        String mail = blankToNull(email);
        form.setEmails(mail == null ? new ArrayList<>() : new ArrayList<>(List.of(mail)));
        String number = blankToNull(phone);
        form.setPhones(number == null ? new ArrayList<>() : new ArrayList<>(List.of(number)));
        try {
            return contacts.addContact(accountId, form);
        } catch (AccountRuleException e) {
            throw new PartyRefusedException(e.field(), e.messageKey(), e.arguments());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
