package com.nexo.sales.pricing;

import com.nexo.base.paging.Sort;

/**
 * What the list of price lists shows: lists whose name contains {@code text} (blank: all), archived
 * ones too when asked, in one of the whitelisted orders.
 */
public record PriceListQuery(String text, boolean withArchived, Sort<PriceListSort> sort) {}
