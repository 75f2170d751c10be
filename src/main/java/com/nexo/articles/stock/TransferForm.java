package com.nexo.articles.stock;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** A transfer of one article between two warehouses as the transfer dialog enters it. */
@NamedInterface("stock")
public record TransferForm(
        @NotNull(message = "{stock.validation.required}") UUID fromWarehouseId,
        @NotNull(message = "{stock.validation.required}") UUID toWarehouseId,

        @NotNull(message = "{stock.error.quantity-positive}") @Positive(message = "{stock.error.quantity-positive}")
        BigDecimal quantity,

        UUID unitId,

        @Size(max = 200, message = "{stock.validation.too-long}")
        String reason,

        @Size(max = 80, message = "{stock.validation.too-long}")
        String document) {

    /** An empty transfer out of {@code fromWarehouseId} (may be null), in the unit {@code unitId}. */
    public static TransferForm from(UUID fromWarehouseId, UUID unitId) {
        return new TransferForm(fromWarehouseId, null, null, unitId, "", "");
    }
}
