package com.nexo.production.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An order as the list shows it. */
public record OrderRow(
        UUID id,
        String number,
        OrderStatus status,
        UUID articleId,
        String articleCode,
        String articleName,
        BigDecimal quantity,
        BigDecimal producedQuantity,
        LocalDate dueDate,
        boolean child,
        long version) {}
