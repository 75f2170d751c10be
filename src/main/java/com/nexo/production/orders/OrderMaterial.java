package com.nexo.production.orders;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A material of an order with its article as the page shows it; {@code childOrderNumber} names the
 * child order that makes it when it is a missing sub-assembly.
 */
public record OrderMaterial(
        UUID id,
        int position,
        UUID articleId,
        String articleCode,
        String articleName,
        String unitCode,
        BigDecimal required,
        BigDecimal reserved,
        BigDecimal consumed,
        UUID reservationId,
        UUID childOrderId,
        String childOrderNumber,
        BigDecimal unitCost,
        BigDecimal actualCost) {

    /** Still to consume and neither reserved nor made by a child order (never below zero). */
    public BigDecimal shortQuantity() {
        if (childOrderId != null) {
            return BigDecimal.ZERO;
        }
        return required.subtract(consumed).subtract(reserved).max(BigDecimal.ZERO);
    }

    /** Still to consume (never below zero). */
    public BigDecimal toConsume() {
        return required.subtract(consumed).max(BigDecimal.ZERO);
    }
}
