package com.nexo.articles;

import java.math.BigDecimal;
import java.util.UUID;

/** Stock of one article in one warehouse. */
public record BalanceRow(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        UUID warehouseId,
        String warehouseCode,
        BigDecimal onHand,
        BigDecimal reserved) {

    public BigDecimal available() {
        return onHand.subtract(reserved);
    }
}
