package com.nexo.sales.verifactu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the issuing (or cancelling) of an invoice tells its invoice record: the fields the record's
 * fingerprint is computed from, and everything else a sender needs to build the record's XML for the
 * tax agency (kept as the record's payload).
 *
 * @param invoiceId the sales document
 * @param issuerTaxId the issuer's NIF (9 characters)
 * @param number series and number as printed ({@code F2026-000123})
 * @param invoiceType F1, F2, F3 or R1 to R5 (corrective invoices)
 * @param recipientCountry ISO 3166 alpha-2 code, null for a Spanish recipient or none (F2)
 * @param breakdown one line per VAT rate and regime
 * @param taxTotal VAT and equivalence surcharge of all lines (CuotaTotal)
 * @param total what the invoice totals (ImporteTotal)
 * @param correctedNumber the invoice a corrective one corrects (R types), else null
 * @param correctedDate that invoice's issue date (R types), else null
 */
public record InvoiceFacts(
        UUID invoiceId,
        String issuerTaxId,
        String issuerName,
        String number,
        LocalDate issueDate,
        String invoiceType,
        String description,
        String recipientTaxId,
        String recipientName,
        String recipientCountry,
        List<TaxLine> breakdown,
        BigDecimal taxTotal,
        BigDecimal total,
        String correctedNumber,
        LocalDate correctedDate) {

    public InvoiceFacts {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(issuerTaxId, "issuerTaxId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(invoiceType, "invoiceType");
        Objects.requireNonNull(taxTotal, "taxTotal");
        Objects.requireNonNull(total, "total");
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
    }

    /**
     * One line of the invoice's tax breakdown.
     *
     * @param exemptionCause E1 to E6 for an exempt base, else null
     * @param regimeKey the VAT regime key of the line (ClaveRegimen, {@code 01} the general one)
     */
    public record TaxLine(
            BigDecimal vatPercent,
            BigDecimal base,
            BigDecimal vat,
            BigDecimal surchargePercent,
            BigDecimal surcharge,
            String exemptionCause,
            String regimeKey) {}
}
