package com.nexo.accounts.search;

import com.nexo.base.paging.Sort;

/**
 * What a list of accounts shows: which accounts ({@code filter}) in which order ({@code sort}). A view
 * compares queries with {@code equals} to know when to start again from the first page.
 */
public record AccountQuery(AccountFilter filter, Sort<AccountSort> sort) {

    public AccountQuery {
        filter = AccountFilter.orDefault(filter);
        sort = AccountSort.orDefault(sort);
    }

    /** Active accounts by name. */
    public static AccountQuery active() {
        return new AccountQuery(AccountFilter.active(), AccountSort.byName());
    }
}
