package com.nexo.articles;

import java.math.BigDecimal;
import java.util.UUID;

/** Stock to promise to an order: the order is named by {@code sourceType} ("sales-order") and reference. */
public record ReservationRequest(
        UUID articleId, UUID warehouseId, BigDecimal quantity, String sourceType, String sourceRef) {}
