package com.nexo.sales.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One back-ordered order line: what was ordered, what has been delivered, and what is neither
 * delivered nor covered by the line's open stock reservation ({@code backOrdered}).
 */
public record BackOrderRow(
        UUID orderId,
        String orderNumber,
        LocalDate orderDate,
        UUID accountId,
        String clientName,
        UUID lineId,
        UUID articleId,
        String articleCode,
        String description,
        String unitCode,
        BigDecimal ordered,
        BigDecimal delivered,
        BigDecimal reserved,
        BigDecimal backOrdered) {}
