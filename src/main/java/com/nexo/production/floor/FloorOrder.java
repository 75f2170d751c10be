package com.nexo.production.floor;

import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order as a shop-floor card shows it: what it makes, how much is made and scrapped, when it is
 * due, and the task the person on the screen works on (null when the order has none for them).
 */
public record FloorOrder(
        UUID orderId,
        String number,
        ArticleSummary article,
        BigDecimal quantity,
        BigDecimal produced,
        BigDecimal scrapped,
        LocalDate dueDate,
        OrderStatus status,
        boolean overdue,
        FloorTask task) {

    /** What is still to make: the quantity less what was made (never below zero). */
    public BigDecimal remaining() {
        BigDecimal left = quantity.subtract(produced);
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }
}
