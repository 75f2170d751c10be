package com.nexo.articles.stock;

import java.math.BigDecimal;
import org.springframework.modulith.NamedInterface;

/** On hand and reserved quantities of an article in a warehouse (or in all of them). */
@NamedInterface("stock")
public record StockPosition(BigDecimal onHand, BigDecimal reserved) {

    public static final StockPosition NONE = new StockPosition(BigDecimal.ZERO, BigDecimal.ZERO);

    /** What can still be promised: on hand less what is reserved (negative when over-promised). */
    public BigDecimal available() {
        return onHand.subtract(reserved);
    }

    /** Whether {@code quantity} more could be reserved without promising stock that is not there. */
    public boolean canReserve(BigDecimal quantity) {
        return available().compareTo(quantity) >= 0;
    }

    public StockPosition plus(StockPosition other) {
        return new StockPosition(onHand.add(other.onHand), reserved.add(other.reserved));
    }
}
