package com.nexo.articles.replenishment;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A row below its minimum as a purchase order line takes it: the article (code, names, unit, cost,
 * VAT rate, whether its stock is tracked), the warehouse, what to order up to the maximum after what
 * is already on order (rounded up to the unit's decimals) and the default supplier (null: none).
 */
@NamedInterface("replenishment")
public record ReplenishmentLine(
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        UUID warehouseId,
        BigDecimal toOrder,
        UUID defaultSupplierId,
        BigDecimal cost,
        BigDecimal taxRate,
        boolean stockTracked) {}
