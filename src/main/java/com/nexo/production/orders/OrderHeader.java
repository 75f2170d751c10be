package com.nexo.production.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A production order as its page shows it (costs per unit at standard, actual in total). */
public record OrderHeader(
        UUID id,
        String number,
        OrderStatus status,
        UUID articleId,
        UUID bomId,
        BigDecimal quantity,
        BigDecimal producedQuantity,
        BigDecimal scrappedQuantity,
        LocalDate dueDate,
        UUID warehouseId,
        UUID parentId,
        BigDecimal standardUnitCost,
        BigDecimal standardMaterialCost,
        BigDecimal standardServiceCost,
        BigDecimal actualMaterialCost,
        BigDecimal actualServiceCost,
        String cancelReason,
        String notes,
        Instant createdAt,
        long version) {

    /** What is still to make (never below zero). */
    public BigDecimal remaining() {
        return quantity.subtract(producedQuantity).max(BigDecimal.ZERO);
    }
}
