package com.nexo.purchasing.lists;

import com.nexo.base.paging.Sort;
import java.util.Objects;

/** Which documents ({@code filter}) in which order ({@code sort}); compared with {@code equals} by views. */
public record PurchaseQuery(PurchaseFilter filter, Sort<PurchaseSort> sort) {

    public PurchaseQuery {
        Objects.requireNonNull(filter, "filter");
        sort = PurchaseSort.orDefault(sort);
    }
}
