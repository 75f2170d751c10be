package com.nexo.sales;

/**
 * How VAT applies to a client's sales: the domestic rates, the same with the equivalence surcharge
 * (recargo de equivalencia, retailers under that scheme), or no VAT with a legal note: exempt
 * operations, deliveries to another EU member state's business, exports.
 */
public enum TaxRegime {
    DOMESTIC,
    EQUIVALENCE_SURCHARGE,
    EXEMPT,
    INTRA_EU,
    EXPORT;

    /** The translation key of the regime's name ("sales.regime.intra-eu"), for pickers and documents. */
    public String labelKey() {
        return "sales.regime." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the lines' VAT rates apply (otherwise every line is at 0 % with the regime's note). */
    public boolean chargesVat() {
        return this == DOMESTIC || this == EQUIVALENCE_SURCHARGE;
    }

    /** The translation key of the legal note printed on documents of this regime, or null. */
    public String legalNoteKey() {
        return switch (this) {
            case DOMESTIC -> null;
            case EQUIVALENCE_SURCHARGE -> "sales.legal.equivalence-surcharge";
            case EXEMPT -> "sales.legal.exempt";
            case INTRA_EU -> "sales.legal.intra-eu";
            case EXPORT -> "sales.legal.export";
        };
    }
}
