package com.nexo.production.orders;

import java.time.LocalDate;

/**
 * What the order list shows: a status (any when null), orders due on or before a date (any when
 * null), and a text matched against the number and the article's code or name (blank: all).
 */
public record OrderFilter(OrderStatus status, LocalDate dueBefore, String text) {

    public static OrderFilter all() {
        return new OrderFilter(null, null, null);
    }
}
