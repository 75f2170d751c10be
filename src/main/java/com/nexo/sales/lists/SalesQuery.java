package com.nexo.sales.lists;

import com.nexo.base.paging.Sort;
import java.util.Objects;

/** Which documents ({@code filter}) in which order ({@code sort}); compared with {@code equals} by views. */
public record SalesQuery(SalesFilter filter, Sort<SalesSort> sort) {

    public SalesQuery {
        Objects.requireNonNull(filter, "filter");
        sort = SalesSort.orDefault(sort);
    }
}
