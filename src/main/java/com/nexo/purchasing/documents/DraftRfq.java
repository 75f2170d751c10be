package com.nexo.purchasing.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A draft request for quotation as a caller writes it: {@code id} and {@code version} null for a new
 * one. {@code answerBy} is the date answers are wanted by; {@code warehouseId} where the goods will
 * go (the chosen answer's order takes it); {@code supplierIds} the accounts (each a supplier) it goes
 * to. The document date is today when null.
 */
public record DraftRfq(
        UUID id,
        Long version,
        LocalDate documentDate,
        LocalDate answerBy,
        UUID warehouseId,
        String notes,
        List<OrderLine> lines,
        List<UUID> supplierIds) {

    public DraftRfq {
        lines = lines == null ? List.of() : List.copyOf(lines);
        supplierIds = supplierIds == null ? List.of() : List.copyOf(supplierIds);
    }

    /** A new draft RFQ of these lines to these suppliers, dated today. */
    public static DraftRfq of(UUID warehouseId, LocalDate answerBy, List<OrderLine> lines, List<UUID> supplierIds) {
        return new DraftRfq(null, null, null, answerBy, warehouseId, null, lines, supplierIds);
    }

    /** The same draft, as a change to the stored one at {@code storedVersion}. */
    public DraftRfq asChangeOf(UUID rfqId, long storedVersion) {
        return new DraftRfq(rfqId, storedVersion, documentDate, answerBy, warehouseId, notes, lines, supplierIds);
    }
}
