package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A transfer of stock between two warehouses, as entered. */
@NamedInterface("stock")
public record TransferEntry(
        UUID articleId,
        UUID fromWarehouseId,
        UUID toWarehouseId,
        BigDecimal quantity,
        UUID unitId,
        String reason,
        String sourceType,
        String sourceRef) {

    public static TransferEntry of(UUID articleId, UUID from, UUID to, BigDecimal quantity, String reason) {
        return new TransferEntry(articleId, from, to, quantity, null, reason, null, null);
    }
}
