package com.nexo.sales.documents;

/**
 * The kinds of sales document, in the order of the flow, each with its number series (a number is
 * the series, the year and a gapless sequence: {@code F2026-000123}).
 */
public enum DocumentKind {
    QUOTE("P"),
    ORDER("PV"),
    DELIVERY("AL"),
    INVOICE("F"),
    /** A corrective invoice (factura rectificativa), referring to the invoice it corrects. */
    CORRECTIVE("R");

    private final String series;

    DocumentKind(String series) {
        this.series = series;
    }

    public String series() {
        return series;
    }

    /** Whether documents of this kind are invoices: issued once, then never changed. */
    public boolean isInvoice() {
        return this == INVOICE || this == CORRECTIVE;
    }

    /** The translation key of the kind's name ("sales.kind.invoice"). */
    public String key() {
        return "sales.kind." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
