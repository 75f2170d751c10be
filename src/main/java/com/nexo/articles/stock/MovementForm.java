package com.nexo.articles.stock;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A receipt or an issue of one article as the stock screen enters it: where, how much (in
 * {@code unitId}, the article's own unit when null), why, and the document it came with.
 */
@NamedInterface("stock")
public record MovementForm(
        @NotNull(message = "{stock.validation.required}") UUID warehouseId,
        UUID locationId,

        @NotNull(message = "{stock.error.quantity-positive}") @Positive(message = "{stock.error.quantity-positive}")
        BigDecimal quantity,

        UUID unitId,

        @Size(max = 200, message = "{stock.validation.too-long}")
        String reason,

        @Size(max = 80, message = "{stock.validation.too-long}")
        String document) {

    /** An empty entry in {@code warehouseId} (may be null), in the unit {@code unitId}. */
    public static MovementForm in(UUID warehouseId, UUID unitId) {
        return new MovementForm(warehouseId, null, null, unitId, "", "");
    }
}
