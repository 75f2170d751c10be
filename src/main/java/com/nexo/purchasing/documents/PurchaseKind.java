package com.nexo.purchasing.documents;

/** The kinds of purchasing document, as {@code purchase_document.kind} stores them. */
public enum PurchaseKind {
    /** A request for quotation, to one or several suppliers. */
    RFQ("RFQ"),
    /** A purchase order. */
    ORDER("PO"),
    /** Goods counted in against an order. */
    RECEIPT("RC"),
    /** A supplier's bill, matched against its order and receipts. */
    BILL("FP");

    private final String defaultSeries;

    PurchaseKind(String defaultSeries) {
        this.defaultSeries = defaultSeries;
    }

    /** The number series a document of this kind takes its number from (base.numbering). */
    public String defaultSeries() {
        return defaultSeries;
    }
}
