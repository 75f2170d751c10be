package com.nexo.sales.documents;

/**
 * Where a document stands. Quotes: DRAFT, SENT, ACCEPTED (made into an order) or CANCELLED, and
 * expired when their validity date has passed unaccepted. Orders: DRAFT, CONFIRMED (stock
 * reserved), PARTIALLY_DELIVERED, DELIVERED or CANCELLED. Delivery notes: DONE (stock issued) or
 * CANCELLED (stock returned). Invoices: DRAFT, ISSUED (numbered, recorded and frozen) or CANCELLED.
 */
public enum DocumentStatus {
    DRAFT,
    SENT,
    ACCEPTED,
    CONFIRMED,
    PARTIALLY_DELIVERED,
    DELIVERED,
    DONE,
    ISSUED,
    CANCELLED;

    /** The translation key of the state's name ("sales.status.issued"). */
    public String key() {
        return "sales.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
