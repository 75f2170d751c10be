package com.nexo.sales.pricing;

/** The orders the list of price lists may be read in. */
public enum PriceListSort {
    NAME,
    VALID_FROM
}
