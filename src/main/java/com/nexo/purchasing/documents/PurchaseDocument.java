package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored purchasing document (RFQ or order; receipts and bills share the table) with its lines.
 * {@code supplierId} and the supplier's name are null on an RFQ (its suppliers are listed apart).
 */
public record PurchaseDocument(
        UUID id,
        PurchaseKind kind,
        PurchaseStatus status,
        String number,
        UUID supplierId,
        String supplierName,
        String supplierTaxId,
        String supplierEmail,
        String language,
        String currency,
        LocalDate documentDate,
        LocalDate expectedDate,
        UUID warehouseId,
        String supplierReference,
        String notes,
        UUID rfqId,
        UUID orderId,
        BigDecimal baseAmount,
        BigDecimal vatAmount,
        BigDecimal totalAmount,
        UUID approvedBy,
        Instant approvedAt,
        Instant sentAt,
        String cancelReason,
        Instant cancelledAt,
        UUID createdBy,
        long version,
        List<PurchaseLine> lines) {

    public PurchaseDocument {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Whether it has a number (drafts and orders waiting for approval have none). */
    public boolean numbered() {
        return number != null;
    }

    /** The document as a draft order to edit (same id and version). */
    public DraftOrder toDraftOrder() {
        return new DraftOrder(
                id,
                version,
                supplierId,
                warehouseId,
                documentDate,
                expectedDate,
                supplierReference,
                notes,
                lines.stream().map(PurchaseLine::toOrderLine).toList());
    }
}
