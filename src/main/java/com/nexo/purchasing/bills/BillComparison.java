package com.nexo.purchasing.bills;

import com.nexo.purchasing.documents.PurchaseStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A supplier bill's three-way match as the screen shows it: the bill (with the day its payment is
 * due), the tolerance used, the result and, per bill line, its description beside the comparison.
 */
public record BillComparison(
        UUID billId,
        UUID orderId,
        String supplierReference,
        PurchaseStatus status,
        LocalDate dueDate,
        BigDecimal tolerancePercent,
        ThreeWayMatch.Result result,
        List<Line> lines) {

    public BillComparison {
        lines = List.copyOf(lines);
    }

    public record Line(int position, String description, ThreeWayMatch.LineMatch match) {}
}
