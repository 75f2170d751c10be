package com.nexo.sales.lists;

import com.nexo.base.paging.Sort;
import java.util.UUID;

/** A named filter (and sort) of a sales list that the current user saved. */
public record SavedSalesFilter(UUID id, String name, SalesFilter filter, Sort<SalesSort> sort) {}
