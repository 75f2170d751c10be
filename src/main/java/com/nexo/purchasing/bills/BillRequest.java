package com.nexo.purchasing.bills;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A supplier's bill as recorded against one purchase order: the supplier's own bill number and date,
 * when it is due (null: proposed from the supplier's payment terms), and per line the order line
 * billed (null for a charge not on the order, which then needs a description), the quantity and the
 * unit price billed (before tax, after any discount), and for a charge its VAT percentage (null: the
 * general rate; an order line keeps the order's).
 */
public record BillRequest(String supplierReference, LocalDate supplierDate, LocalDate dueDate, List<Line> lines) {

    public BillRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public record Line(
            UUID orderLineId, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatPercent) {

        /** A line of an order line (its description and VAT are the order line's). */
        public Line(UUID orderLineId, BigDecimal quantity, BigDecimal unitPrice) {
            this(orderLineId, null, quantity, unitPrice, null);
        }

        /** A line with a description (a charge not on the order: at the general VAT rate). */
        public Line(UUID orderLineId, String description, BigDecimal quantity, BigDecimal unitPrice) {
            this(orderLineId, description, quantity, unitPrice, null);
        }

        /** A charge not on the order (freight, a fee): one unit at {@code amount}, at a VAT percentage. */
        public static Line charge(String description, BigDecimal amount, BigDecimal vatPercent) {
            return new Line(null, description, BigDecimal.ONE, amount, vatPercent);
        }
    }
}
