package com.nexo.purchasing.bills;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A supplier's bill as recorded against one purchase order: the supplier's own bill number and date,
 * when it is due, and per line the order line billed (null for a charge not on the order, which then
 * needs a description), the quantity and the unit price billed (before tax, after any discount).
 */
public record BillRequest(String supplierReference, LocalDate supplierDate, LocalDate dueDate, List<Line> lines) {

    public BillRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(UUID orderLineId, String description, BigDecimal quantity, BigDecimal unitPrice) {

        /** A line of an order line (its description is the order line's). */
        public Line(UUID orderLineId, BigDecimal quantity, BigDecimal unitPrice) {
            this(orderLineId, null, quantity, unitPrice);
        }
    }
}
