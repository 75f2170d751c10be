package com.nexo.purchasing.lists;

import com.nexo.base.paging.Sort;
import java.util.UUID;

/** A named filter (and sort) of a purchasing list that the current user saved. */
public record SavedPurchaseFilter(UUID id, String name, PurchaseFilter filter, Sort<PurchaseSort> sort) {}
