package com.nexo.purchasing.receiving;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Goods counted in against one purchase order: into which warehouse, on which day (today when null),
 * the supplier's delivery note number, and per order line the quantity received and, optionally, the
 * location of the warehouse it went to. Lines with a zero quantity are ignored.
 */
public record ReceiptRequest(UUID warehouseId, LocalDate date, String supplierReference, List<Line> lines) {

    public ReceiptRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One order line received: its quantity (in the order line's unit) and where it went. */
    public record Line(UUID orderLineId, BigDecimal quantity, UUID locationId) {}
}
