package com.nexo.sales.portal;

/**
 * The tenant's settings for clients' answers to quotes: whether an accepted quote becomes an order at
 * once, and where the sales team is told (blank: the company's address).
 */
public record SalesSettings(boolean acceptedQuoteToOrder, String notifyEmail, long version) {

    /** A tenant that never saved its settings: accepted quotes become orders, the company is told. */
    public static final SalesSettings DEFAULTS = new SalesSettings(true, null, -1);
}
