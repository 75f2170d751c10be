package com.nexo.articles;

import java.math.BigDecimal;
import java.util.UUID;

/** An article below its minimum in a warehouse, with what to order and from whom. */
public record ReplenishmentRow(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        UUID warehouseId,
        String warehouseCode,
        BigDecimal onHand,
        BigDecimal reserved,
        BigDecimal minimum,
        BigDecimal maximum,
        BigDecimal toOrder,
        UUID defaultSupplierId) {

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }
}
