package com.nexo.sales.verifactu;

import com.nexo.base.documents.DocumentTotals;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.InvoiceRecords;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesTotals;
import com.nexo.tenancy.CompanyProfile;
import com.nexo.tenancy.CompanyProfiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The invoice records of issued and cancelled invoices: the facts of the invoice as the tax agency's
 * record asks for them (issuer from the company profile, type F1 with a recipient tax id, F2
 * without, R1 for corrective invoices; the breakdown per rate with the exemption cause of exempt,
 * intra-EU and export sales) appended to the tenant's chain in the issuing transaction.
 */
@Component
class ChainedInvoiceRecords implements InvoiceRecords {

    private final BillingRecords records;
    private final CompanyProfiles company;
    private final SalesDocumentService documents;

    ChainedInvoiceRecords(BillingRecords records, CompanyProfiles company, SalesDocumentService documents) {
        this.records = records;
        this.company = company;
        this.documents = documents;
    }

    @Override
    public void issued(SalesDocument invoice) {
        records.recordIssued(facts(invoice));
    }

    @Override
    public void cancelled(SalesDocument invoice) {
        records.recordCancelled(facts(invoice));
    }

    /**
     * The facts of the record. ImporteTotal is what the invoice amounts to with its taxes (bases,
     * VAT and surcharge), before any income tax withheld, as the record defines it; the corrected
     * invoice's number and date come along for corrective invoices.
     */
    InvoiceFacts facts(SalesDocument invoice) {
        CompanyProfile issuer = company.current();
        if (issuer.taxId() == null || issuer.taxId().isBlank()) {
            throw new SalesRuleException("sales.rule.company-tax-id-required");
        }
        DocumentTotals totals = SalesTotals.of(invoice);
        List<InvoiceFacts.TaxLine> breakdown = totals.breakdown().stream()
                .map(rate -> new InvoiceFacts.TaxLine(
                        rate.rate().vatPercent(),
                        rate.base(),
                        rate.vat(),
                        rate.rate().surchargePercent(),
                        rate.surcharge(),
                        exemptionCause(invoice.taxRegime()),
                        invoice.taxRegime() == TaxRegime.EXPORT ? "02" : "01"))
                .toList();
        boolean identified =
                invoice.clientTaxId() != null && !invoice.clientTaxId().isBlank();
        String type = invoice.kind() == DocumentKind.CORRECTIVE ? "R1" : identified ? "F1" : "F2";
        String country = invoice.clientCountry() == null || "ES".equals(invoice.clientCountry())
                ? null
                : invoice.clientCountry();
        LocalDate correctedDate = null;
        String correctedNumber = null;
        if (invoice.correctedId() != null) {
            SalesDocument original = documents.document(invoice.correctedId());
            correctedNumber = original.number();
            correctedDate = original.documentDate();
        }
        return new InvoiceFacts(
                invoice.id(),
                issuer.taxId().strip().toUpperCase(Locale.ROOT),
                issuer.legalName(),
                invoice.number(),
                invoice.documentDate(),
                type,
                invoice.notes() == null ? invoice.kind().name() : invoice.notes(),
                identified ? invoice.clientTaxId() : null,
                invoice.clientName(),
                country,
                breakdown,
                totals.vat().add(totals.surcharge()),
                totals.base().add(totals.vat()).add(totals.surcharge()),
                correctedNumber,
                correctedDate);
    }

    private static String exemptionCause(TaxRegime regime) {
        return switch (regime) {
            case EXEMPT -> "E1";
            case EXPORT -> "E2";
            case INTRA_EU -> "E5";
            default -> null;
        };
    }
}
