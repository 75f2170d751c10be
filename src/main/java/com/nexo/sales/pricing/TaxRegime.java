package com.nexo.sales.pricing;

/**
 * How a client's sales are taxed. The legal note an invoice prints for the regime is a translation
 * key ({@link #legalNoteKey()}), so the note comes in the document's language.
 */
public enum TaxRegime {
    /** Spanish VAT at the article's rate. */
    DOMESTIC,
    /** VAT plus the recargo de equivalencia of retailers under that scheme. */
    EQUIVALENCE_SURCHARGE,
    /** Exempt operations (art. 20 LIVA): the client's own note, or the default one. */
    EXEMPT,
    /** Intra-Community supplies to a VAT-registered client of another member state (art. 25 LIVA). */
    INTRA_EU,
    /** Exports outside the EU (art. 21 LIVA). */
    EXPORT;

    /**
     * The translation key of the legal note the invoices of this regime print, or null when the
     * regime needs none. For {@link #EXEMPT} this is the default text: a client's own exemption note,
     * when it has one, is printed instead ({@link ClientTerms#legalNoteKey()}).
     */
    public String legalNoteKey() {
        String legalNoteKey = null;
        switch (this) {
            case EXEMPT -> legalNoteKey = "sales.pricing.legal-note.exempt";
            case INTRA_EU -> legalNoteKey = "sales.pricing.legal-note.intra-eu";
            case EXPORT -> legalNoteKey = "sales.pricing.legal-note.export";
            default -> {}
        }
        return legalNoteKey;
    }

    /** Whether the regime charges no VAT. */
    public boolean exemptFromVat() {
        return legalNoteKey() != null;
    }

    /** The translation key of the regime's name, for pickers and documents. */
    public String labelKey() {
        String labelKey;
        switch (this) {
            case DOMESTIC -> labelKey = "sales.pricing.regime.domestic";
            case EQUIVALENCE_SURCHARGE -> labelKey = "sales.pricing.regime.equivalence-surcharge";
            case EXEMPT -> labelKey = "sales.pricing.regime.exempt";
            case INTRA_EU -> labelKey = "sales.pricing.regime.intra-eu";
            default -> labelKey = "sales.pricing.regime.export";
        }
        return labelKey;
    }
}
