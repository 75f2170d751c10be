package com.nexo.accounts.search;

import com.nexo.accounts.AccountPermissions;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of the current tenant's accounts that scale: filtered pages in keyset order, a lazy grid's
 * offset pages, the quick search and counts. Reading needs {@link AccountPermissions#READ}.
 */
@Service
public class AccountListService {

    private static final String HAS_READ = "hasRole('" + AccountPermissions.READ + "') or hasRole('SYSTEM')";

    private final AccountSearch search;

    AccountListService(AccountSearch search) {
        this.search = search;
    }

    /**
     * One page of the filtered list in keyset order: pass {@code null} for the first page, then the
     * previous page's {@link AccountPage#next()}. Cost does not grow with depth.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public AccountPage page(AccountFilter filter, AccountSort sort, PageCursor after, int limit) {
        return search.page(AccountFilter.orDefault(filter), AccountSort.orDefault(sort), after, limit);
    }

    /** Rows {@code offset} to {@code offset + limit} of the filtered list (a lazy grid's fetch). */
    @Transactional(readOnly = true)
    @PreAuthorize(HAS_READ)
    public List<AccountRow> list(AccountFilter filter, AccountSort sort, int offset, int limit) {
        return search.list(AccountFilter.orDefault(filter), AccountSort.orDefault(sort), offset, limit);
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
        return search.count(AccountFilter.orDefault(filter));
    }
}
