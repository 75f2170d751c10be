package com.nexo.accounts;

import com.nexo.accounts.account.AccountRole;
import com.nexo.accounts.account.Address;
import com.nexo.accounts.account.PaymentTerms;
import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountQuery;
import com.nexo.accounts.search.AccountSearch;
import com.nexo.accounts.search.AccountSort;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What other modules may know about accounts they refer to by id, without reading the {@code
 * account} table: whether an account is a supplier, and accounts' names. Reads run under the caller's
 * row-level security context and join its transaction. Callers check their own permission (saving an
 * article with a default supplier needs the articles module's, not the right to read accounts); this
 * service only requires staff or system work.
 */
@Service
public class AccountDirectory {

    private static final String IS_SUPPLIER = """
            SELECT EXISTS (SELECT FROM account WHERE id = :id AND 'SUPPLIER' = ANY (roles) AND merged_into IS NULL)
            """;

    private static final String IS_PROFESSIONAL = """
            SELECT EXISTS (SELECT FROM account WHERE id = :id AND 'PROFESSIONAL' = ANY (roles) AND merged_into IS NULL)
            """;

    private static final String NAMES = "SELECT id, legal_name FROM account WHERE id IN (:ids)";

    private static final String EMAILS =
            "SELECT id, emails[1] FROM account WHERE id IN (:ids) AND emails[1] IS NOT NULL";

    private static final String PARTY = """
            SELECT a.id, a.code, a.legal_name, a.tax_id, a.country, a.emails[1] AS email, a.language, a.currency,
                   a.payment_terms, 'CLIENT' = ANY (a.roles) AS client, a.archived OR a.merged_into IS NOT NULL AS archived,
                   (SELECT x FROM jsonb_array_elements(a.addresses) x WHERE x ->> 'type' = 'BILLING' LIMIT 1) AS billing,
                   (SELECT x FROM jsonb_array_elements(a.addresses) x WHERE x ->> 'type' = 'SHIPPING' LIMIT 1) AS shipping,
                   (SELECT x FROM jsonb_array_elements(a.addresses) x LIMIT 1) AS any_address
              FROM account a
             WHERE a.id = :id
            """;
    private static final String PARTY_CONTACTS = """
            SELECT id, name, emails[1] AS email, is_primary FROM contact
             WHERE account_id = :id ORDER BY is_primary DESC, name, id
            """;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;
    private final AccountSearch search;

    AccountDirectory(JdbcClient jdbc, AccountSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /** An account as a picker shows it: its id and legal name. */
    public record AccountName(UUID id, String name) {}

    /** Whether the account exists, has the supplier role and has not been merged into another. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public boolean isSupplier(UUID accountId) {
        if (accountId == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql(IS_SUPPLIER)
                .param("id", accountId)
                .query(Boolean.class)
                .single());
    }

    /**
     * Active suppliers whose name, code, tax id, e-mail or phone match {@code text} (the accounts
     * list's quick search, typos tolerated), best first: a supplier picker's choices.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<AccountName> suppliersMatching(String text, int limit) {
        return matching(EnumSet.of(AccountRole.SUPPLIER), text, limit);
    }

    /** Whether the account exists, has the professional role and has not been merged into another. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public boolean isProfessional(UUID accountId) {
        if (accountId == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.sql(IS_PROFESSIONAL)
                .param("id", accountId)
                .query(Boolean.class)
                .single());
    }

    /**
     * Active professionals (accounts with the professional role) whose name, code, tax id, e-mail or
     * phone match {@code text}, best first: a professional picker's choices.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<AccountName> professionalsMatching(String text, int limit) {
        return matching(EnumSet.of(AccountRole.PROFESSIONAL), text, limit);
    }

    /**
     * Active clients whose name, code, tax id, e-mail or phone match {@code text}, best first: a
     * client picker's choices.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<AccountName> clientsMatching(String text, int limit) {
        return matching(EnumSet.of(AccountRole.CLIENT), text, limit);
    }

    /**
     * Active accounts with any of the portal roles (client, supplier, professional) whose name, code,
     * tax id, e-mail or phone match {@code text}, best first: a picker's choices where any portal's
     * account may be meant (requests).
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<AccountName> portalAccountsMatching(String text, int limit) {
        return matching(EnumSet.of(AccountRole.CLIENT, AccountRole.SUPPLIER, AccountRole.PROFESSIONAL), text, limit);
    }

    /**
     * Active accounts of any role whose name, code, tax id, e-mail or phone match {@code text}, best
     * first: a picker's choices where any account may be meant (an opportunity's prospect or client),
     * and the account part of another module's search.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public List<AccountName> accountsMatching(String text, int limit) {
        return matching(EnumSet.noneOf(AccountRole.class), text, limit);
    }

    /** Active accounts with any of {@code roles} matching the quick search {@code text}, best first. */
    private List<AccountName> matching(Set<AccountRole> roles, String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        AccountFilter filter = new AccountFilter(roles, null, null, AccountFilter.Status.ACTIVE, text);
        if (filter.words().isEmpty()) {
            return List.of();
        }
        return search.page(new AccountQuery(filter, AccountSort.relevance()), null, limit).rows().stream()
                .map(row -> new AccountName(row.id(), row.legalName()))
                .toList();
    }

    /** The account as a document is addressed to it, with its contacts; empty when not visible. */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Optional<AccountParty> party(UUID accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        List<AccountParty.PartyContact> contacts = jdbc.sql(PARTY_CONTACTS)
                .param("id", accountId)
                .query((rs, n) -> new AccountParty.PartyContact(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getBoolean("is_primary")))
                .list();
        return jdbc.sql(PARTY)
                .param("id", accountId)
                .query((rs, n) -> {
                    List<String> billing = addressLines(rs.getString("billing"));
                    List<String> shipping = addressLines(rs.getString("shipping"));
                    List<String> any = addressLines(rs.getString("any_address"));
                    String terms = rs.getString("payment_terms");
                    return new AccountParty(
                            rs.getObject("id", UUID.class),
                            rs.getString("code"),
                            rs.getString("legal_name"),
                            rs.getString("tax_id"),
                            rs.getString("country"),
                            billing.isEmpty() ? (shipping.isEmpty() ? any : shipping) : billing,
                            shipping.isEmpty() ? (billing.isEmpty() ? any : billing) : shipping,
                            rs.getString("email"),
                            rs.getString("language"),
                            rs.getString("currency"),
                            paymentDays(terms),
                            rs.getBoolean("client"),
                            rs.getBoolean("archived"),
                            contacts);
                })
                .optional();
    }

    private static Integer paymentDays(String terms) {
        if (terms == null || terms.isBlank()) {
            return null;
        }
        try {
            return PaymentTerms.valueOf(terms).days();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** An address JSON object as printed lines: street, then postal code and city, then region and country. */
    private static List<String> addressLines(String json) {
        if (json == null) {
            return List.of();
        }
        Address address = JSON.readValue(json, Address.class);
        List<String> lines = new java.util.ArrayList<>();
        addLine(lines, address.street());
        addLine(lines, join(address.postalCode(), address.city()));
        addLine(lines, join(address.region(), address.country()));
        return List.copyOf(lines);
    }

    private static String join(String first, String second) {
        return ((first == null ? "" : first.strip()) + " " + (second == null ? "" : second.strip())).strip();
    }

    private static void addLine(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line.strip());
        }
    }

    /**
     * The legal names of these accounts, by id, in one query; accounts that do not exist (or are not
     * visible) are left out, and a null id reads as no name. Meant for the ids of one page of a list.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<UUID, String> namesOf(Collection<UUID> accountIds) {
        List<UUID> ids = accountIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql(NAMES).param("ids", ids).query((RowCallbackHandler)
                row -> names.put(row.getObject(1, UUID.class), row.getString(2)));
        return names;
    }

    /**
     * The first e-mail of each of these accounts (what a document is sent to), by id, in one query;
     * accounts without one (or not visible) are left out.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Roles.EMPLOYEE, Roles.SYSTEM})
    public Map<UUID, String> emailsOf(Collection<UUID> accountIds) {
        List<UUID> ids = accountIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        Map<UUID, String> emails = new HashMap<>();
        jdbc.sql(EMAILS).param("ids", ids).query((RowCallbackHandler)
                row -> emails.put(row.getObject(1, UUID.class), row.getString(2)));
        return emails;
    }
}
