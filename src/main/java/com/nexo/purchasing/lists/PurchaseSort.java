package com.nexo.purchasing.lists;

import com.nexo.base.paging.Sort;

/**
 * The orders a purchasing list can be read in: a whitelist mapped to keyset orders by
 * {@link PurchaseListQueries}, each served by one of V46's list indexes. Grid columns use the
 * constant's name as their sort property.
 */
public enum PurchaseSort {
    DATE,
    NUMBER,
    SUPPLIER,
    TOTAL;

    /** Newest first: the lists' default order. */
    public static Sort<PurchaseSort> newestFirst() {
        return Sort.descending(DATE);
    }

    public static Sort<PurchaseSort> orDefault(Sort<PurchaseSort> sort) {
        return sort == null ? newestFirst() : sort;
    }
}
