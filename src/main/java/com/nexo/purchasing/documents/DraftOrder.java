package com.nexo.purchasing.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A draft purchase order as a caller writes it: {@code id} and {@code version} null for a new one, or
 * the draft's id and the version it was read at for a change. The document date is today when null.
 */
public record DraftOrder(
        UUID id,
        Long version,
        UUID supplierId,
        UUID warehouseId,
        LocalDate documentDate,
        LocalDate expectedDate,
        String supplierReference,
        String notes,
        List<OrderLine> lines) {

    public DraftOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A new draft for {@code supplierId} into {@code warehouseId}, dated today. */
    public static DraftOrder of(UUID supplierId, UUID warehouseId, LocalDate expectedDate, List<OrderLine> lines) {
        return new DraftOrder(null, null, supplierId, warehouseId, null, expectedDate, null, null, lines);
    }

    /** The same draft with other lines. */
    public DraftOrder withLines(List<OrderLine> newLines) {
        return new DraftOrder(
                id, version, supplierId, warehouseId, documentDate, expectedDate, supplierReference, notes, newLines);
    }

    /** The same draft, as a change to the stored one at {@code storedVersion}. */
    public DraftOrder asChangeOf(UUID draftId, long storedVersion) {
        return new DraftOrder(
                draftId,
                storedVersion,
                supplierId,
                warehouseId,
                documentDate,
                expectedDate,
                supplierReference,
                notes,
                lines);
    }
}
