package com.nexo.articles.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * An adjustment of one article in one warehouse as entered: a signed {@code quantity} (a
 * {@link Mode#DIFFERENCE}, not zero, in {@code unitId}) or the quantity just counted (a
 * {@link Mode#COUNTED}, not negative, in the article's own unit), with a reason.
 */
@NamedInterface("stock")
public record AdjustmentForm(
        @NotNull(message = "{stock.validation.required}") UUID warehouseId,
        UUID locationId,
        @NotNull(message = "{stock.validation.required}") Mode mode,

        @NotNull(message = "{stock.error.quantity-required}")
        BigDecimal quantity,

        UUID unitId,

        @NotBlank(message = "{stock.error.reason-required}") @Size(max = 200, message = "{stock.validation.too-long}")
        String reason,

        @Size(max = 80, message = "{stock.validation.too-long}")
        String document) {

    /** How the quantity typed is meant. */
    public enum Mode {
        /** A signed correction (−2 for a broken part, +1 for a box found). */
        DIFFERENCE,
        /** What was just counted; the difference to on hand is recorded. */
        COUNTED
    }

    /** An empty adjustment by difference in {@code warehouseId} (may be null), in the unit {@code unitId}. */
    public static AdjustmentForm in(UUID warehouseId, UUID unitId) {
        return new AdjustmentForm(warehouseId, null, Mode.DIFFERENCE, null, unitId, "", "");
    }
}
