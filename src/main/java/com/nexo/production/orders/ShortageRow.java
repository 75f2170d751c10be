package com.nexo.production.orders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An article that open orders miss: the orders and how much each misses, and what could cover it:
 * on hand, available (on hand less reserved) and incoming from purchasing over all warehouses.
 * {@code toBuy} = max(0, missing − available − incoming).
 */
public record ShortageRow(
        UUID articleId,
        String articleCode,
        String articleName,
        String unitCode,
        List<OrderShortage> orders,
        BigDecimal missing,
        BigDecimal onHand,
        BigDecimal available,
        BigDecimal incoming,
        BigDecimal toBuy) {

    /** One order's missing quantity of the article. */
    public record OrderShortage(UUID orderId, String number, BigDecimal missing) {}

    /** What is left to buy for {@code missing} when {@code available} and {@code incoming} can cover some. */
    public static BigDecimal toBuy(BigDecimal missing, BigDecimal available, BigDecimal incoming) {
        return missing.subtract(available.max(BigDecimal.ZERO))
                .subtract(incoming)
                .max(BigDecimal.ZERO);
    }
}
