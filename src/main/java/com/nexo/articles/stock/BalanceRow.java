package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Stock of one article in one warehouse. */
@NamedInterface("stock")
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
