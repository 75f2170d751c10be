package com.nexo.accounts.search;

import com.nexo.accounts.AccountPermissions;
import com.nexo.base.paging.CountEstimate;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of the current tenant's accounts that scale: keyset pages of a filter in a whitelisted order,
 * the quick search and counts. Reading needs {@link AccountPermissions#READ}.
 */
@Service
public class AccountListService {

    private final AccountSearch search;

    AccountListService(AccountSearch search) {
        this.search = search;
    }

    /**
     * One page of the list: pass {@code null} for the first page, then the previous page's
     * {@link Page#next()}. Cost does not grow with depth.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public Page<AccountRow> page(AccountQuery query, PageCursor after, int limit) {
        return search.page(query == null ? AccountQuery.active() : query, after, limit);
    }

    /** The quick search: the best matches first (name, code, tax id, e-mail, phone; typos tolerated). */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public List<AccountRow> quickSearch(String text, int limit) {
        AccountFilter filter = AccountFilter.search(text);
        if (filter.words().isEmpty()) {
            return List.of();
        }
        return search.page(new AccountQuery(filter, AccountSort.relevance()), null, limit)
                .rows();
    }

    /** How many accounts the filter matches: exact up to a limit, estimated beyond it. */
    @Transactional(readOnly = true)
    @RolesAllowed({AccountPermissions.READ, Roles.SYSTEM})
    public CountEstimate count(AccountFilter filter) {
        return search.count(AccountFilter.orDefault(filter));
    }
}
