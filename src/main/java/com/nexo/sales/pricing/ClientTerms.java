package com.nexo.sales.pricing;

import com.nexo.sales.TaxRegime;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A client's sales terms as documents use them: its tax regime (with the exemption note of an exempt
 * client), the IRPF withheld on its invoices (null: none), its price list and client group (null:
 * none), its usual document discount and its salesperson. A client without terms of its own gets
 * {@link #defaults(UUID)}: domestic VAT, no withholding, no list, no discount.
 *
 * @param version null for the defaults (no row yet)
 */
public record ClientTerms(
        UUID accountId,
        TaxRegime taxRegime,
        String exemptionNote,
        BigDecimal withholdingPercent,
        UUID priceListId,
        String clientGroup,
        BigDecimal documentDiscountPercent,
        UUID salespersonId,
        Long version) {

    /** The terms of a client nobody has set any for. */
    public static ClientTerms defaults(UUID accountId) {
        return new ClientTerms(accountId, TaxRegime.DOMESTIC, null, null, null, null, BigDecimal.ZERO, null, null);
    }

    /** Whether these are the defaults because the client has no terms of its own. */
    public boolean isDefault() {
        return version == null;
    }

    /**
     * The legal note an invoice to this client prints, as a translation key (see
     * {@link TaxRegime#legalNoteKey()}); null when the regime needs none, or when the client's own
     * exemption note ({@link #exemptionNote()}) is printed instead.
     */
    public String legalNoteKey() {
        if (taxRegime == TaxRegime.EXEMPT && exemptionNote != null && !exemptionNote.isBlank()) {
            return null;
        }
        return taxRegime.legalNoteKey();
    }
}
