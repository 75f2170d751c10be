package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** On hand, reserved and incoming (on order, not yet received) of one article, in a warehouse or in all. */
@NamedInterface("stock")
public record StockLevel(UUID articleId, BigDecimal onHand, BigDecimal reserved, BigDecimal incoming) {

    public static StockLevel none(UUID articleId) {
        return new StockLevel(articleId, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** On hand less reserved (negative when over-promised). */
    public BigDecimal available() {
        return onHand.subtract(reserved);
    }
}
