package com.nexo.accounts;

import com.nexo.accounts.account.AccountRole;
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
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private static final String NAMES = "SELECT id, legal_name FROM account WHERE id IN (:ids)";

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
        if (text == null || text.isBlank()) {
            return List.of();
        }
        AccountFilter suppliers =
                new AccountFilter(EnumSet.of(AccountRole.SUPPLIER), null, null, AccountFilter.Status.ACTIVE, text);
        if (suppliers.words().isEmpty()) {
            return List.of();
        }
        return search.page(new AccountQuery(suppliers, AccountSort.relevance()), null, limit).rows().stream()
                .map(row -> new AccountName(row.id(), row.legalName()))
                .toList();
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
}
