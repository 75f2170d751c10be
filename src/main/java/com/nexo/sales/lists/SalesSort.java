package com.nexo.sales.lists;

import com.nexo.base.paging.Sort;

/**
 * The orders a list of sales documents can be read in: a whitelist mapped to keyset orders by
 * {@link SalesListQueries}. Grid columns use the constant's name as their sort property.
 */
public enum SalesSort {
    DATE,
    NUMBER,
    CLIENT,
    TOTAL;

    /** Newest first: the lists' default order. */
    public static Sort<SalesSort> newestFirst() {
        return Sort.descending(DATE);
    }

    public static Sort<SalesSort> orDefault(Sort<SalesSort> sort) {
        return sort == null ? newestFirst() : sort;
    }
}
