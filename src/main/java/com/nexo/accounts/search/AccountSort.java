package com.nexo.accounts.search;

import com.nexo.base.paging.Sort;

/**
 * The orders a list of accounts can be read in: a whitelist, each served by an index ({@code (tenant_id,
 * key, id)}) and mapped to a {@link com.nexo.base.paging.ListOrder} by {@link AccountListQueries}. Grid
 * columns use the constant's name as their sort property. {@link #RELEVANCE} applies to a quick search
 * only (best matches first) and falls back to {@link #NAME} without search text.
 */
public enum AccountSort {
    NAME,
    CODE,
    CREATED,
    UPDATED,
    RELEVANCE;

    /** By name, A to Z: the list's default order. */
    public static Sort<AccountSort> byName() {
        return Sort.ascending(NAME);
    }

    /** Best matches of the quick search first. */
    public static Sort<AccountSort> relevance() {
        return Sort.ascending(RELEVANCE);
    }

    /** The sort, or by name when there is none. */
    public static Sort<AccountSort> orDefault(Sort<AccountSort> sort) {
        return sort == null ? byName() : sort;
    }
}
