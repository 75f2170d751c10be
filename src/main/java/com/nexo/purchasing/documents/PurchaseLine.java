package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A stored line of a purchasing document, with an order line's progress: how much of it has been
 * received and billed. {@code sourceLineId} is the line it was made from (an RFQ line for an order's).
 */
public record PurchaseLine(
        UUID id,
        int position,
        UUID articleId,
        String articleCode,
        String supplierCode,
        String description,
        BigDecimal quantity,
        String unitCode,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        String taxCode,
        BigDecimal vatPercent,
        BigDecimal netAmount,
        boolean stockTracked,
        UUID sourceLineId,
        BigDecimal receivedQuantity,
        BigDecimal billedQuantity,
        long version) {

    /** What is still to be received (never negative). */
    public BigDecimal pendingQuantity() {
        return quantity.subtract(receivedQuantity).max(BigDecimal.ZERO);
    }

    /** The line as an input line again (for a copy or an edit). */
    public OrderLine toOrderLine() {
        return new OrderLine(
                articleId, supplierCode, description, quantity, unitCode, unitPrice, discountPercent, vatPercent);
    }
}
