package com.nexo.sales.documents;

import com.nexo.sales.TaxRegime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored document with its lines, as the services read it. */
public record SalesDocument(
        UUID id,
        DocumentKind kind,
        DocumentStatus status,
        String number,
        UUID accountId,
        UUID contactId,
        String clientName,
        String clientTaxId,
        String clientCountry,
        List<String> billingAddress,
        List<String> shippingAddress,
        String clientEmail,
        String language,
        String currency,
        BigDecimal exchangeRate,
        Integer paymentDays,
        LocalDate documentDate,
        LocalDate validUntil,
        LocalDate dueDate,
        LocalDate deliveryDate,
        UUID salespersonId,
        UUID warehouseId,
        TaxRegime taxRegime,
        BigDecimal withholdingPercent,
        BigDecimal documentDiscount,
        String legalNote,
        String clientReference,
        String notes,
        UUID correctedId,
        String correctionReason,
        String cancelReason,
        Instant cancelledAt,
        BigDecimal baseAmount,
        BigDecimal vatAmount,
        BigDecimal surchargeAmount,
        BigDecimal withholdingAmount,
        BigDecimal totalAmount,
        Instant numberedAt,
        long version,
        List<DocumentLineRow> lines) {

    /** Whether the quote's validity date has passed (on {@code today}) while it waited for an answer. */
    public boolean expiredOn(LocalDate today) {
        return kind == DocumentKind.QUOTE
                && (status == DocumentStatus.DRAFT || status == DocumentStatus.SENT)
                && validUntil != null
                && validUntil.isBefore(today);
    }

    /** The document as a form edits it. */
    DocumentForm toForm() {
        DocumentForm form = new DocumentForm();
        form.setId(id);
        form.setVersion(version);
        form.setKind(kind);
        form.setAccountId(accountId);
        form.setContactId(contactId);
        form.setDocumentDate(documentDate);
        form.setValidUntil(validUntil);
        form.setDeliveryDate(deliveryDate);
        form.setCurrency(currency);
        form.setPaymentDays(paymentDays);
        form.setExchangeRate(exchangeRate);
        form.setSalespersonId(salespersonId);
        form.setWarehouseId(warehouseId);
        form.setTaxRegime(taxRegime);
        form.setWithholdingPercent(withholdingPercent);
        form.setDocumentDiscount(documentDiscount);
        form.setLegalNote(legalNote);
        form.setClientReference(clientReference);
        form.setNotes(notes);
        form.setLines(lines.stream().map(DocumentLineRow::toForm).toList());
        return form;
    }
}
