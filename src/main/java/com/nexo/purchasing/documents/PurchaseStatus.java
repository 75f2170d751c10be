package com.nexo.purchasing.documents;

/**
 * The states of a purchasing document, as {@code purchase_document.status} stores them (see V46 for
 * which kind goes through which).
 */
public enum PurchaseStatus {
    DRAFT,
    SENT,
    /** An RFQ whose chosen answer became an order. */
    CLOSED,
    /** An order above the tenant's approval threshold, waiting for someone with purchasing.approve. */
    TO_APPROVE,
    APPROVED,
    PARTIALLY_RECEIVED,
    RECEIVED,
    /** A receipt: written once, never changed. */
    POSTED,
    CANCELLED;

    /** Order states whose unreceived quantities are on order (incoming stock). */
    public static final java.util.Set<PurchaseStatus> ON_ORDER =
            java.util.EnumSet.of(DRAFT, TO_APPROVE, APPROVED, SENT, PARTIALLY_RECEIVED);
}
