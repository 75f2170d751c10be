package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One change of an article's cost. A receipt's change names its movement, the quantity received (in
 * the article's unit) and its cost per article unit; a change typed in the article form
 * ({@code sourceType} "manual") has none of the three.
 *
 * @param stockBefore the article's on hand over all warehouses just before the change
 * @param changedBy the user who made it (null for system work)
 */
@NamedInterface("stock")
public record CostChange(
        UUID id,
        Instant changedAt,
        BigDecimal previousCost,
        BigDecimal newCost,
        BigDecimal quantity,
        BigDecimal unitCost,
        BigDecimal stockBefore,
        String sourceType,
        String sourceRef,
        UUID movementId,
        UUID changedBy) {

    /** Where a cost typed in the article form comes from. */
    public static final String MANUAL = "manual";

    /** Whether a receipt made this change (rather than someone typing a cost). */
    public boolean byReceipt() {
        return movementId != null;
    }
}
