package com.nexo.accounts.filters;

import com.nexo.accounts.search.AccountFilter;
import com.nexo.accounts.search.AccountSort;
import com.nexo.base.paging.Sort;
import java.util.UUID;

/** A named account filter (and sort) the current user saved. */
public record SavedFilter(UUID id, String name, AccountFilter filter, Sort<AccountSort> sort) {}
