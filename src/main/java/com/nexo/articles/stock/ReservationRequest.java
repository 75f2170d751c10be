package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Stock to promise to an order: the order is named by {@code sourceType} ("sales-order") and reference. */
@NamedInterface("stock")
public record ReservationRequest(
        UUID articleId, UUID warehouseId, BigDecimal quantity, String sourceType, String sourceRef) {}
