package com.nexo.purchasing.documents;

import java.math.BigDecimal;

/**
 * A tenant's purchasing settings: orders whose total before tax is above {@code approvalThreshold}
 * need someone with purchasing.approve before they are sent (null: no approval needed); the
 * three-way match accepts bill prices within {@code priceTolerance} percent of the order's. {@code
 * version} is the one read (0 while the tenant has never saved its settings).
 */
public record PurchaseSettings(BigDecimal approvalThreshold, BigDecimal priceTolerance, long version) {

    /** What a tenant that never saved its settings has: no approval, no tolerance. */
    public static final PurchaseSettings DEFAULTS = new PurchaseSettings(null, BigDecimal.ZERO, 0);

    public PurchaseSettings {
        priceTolerance = priceTolerance == null ? BigDecimal.ZERO : priceTolerance;
    }

    /** Whether an order of {@code base} (total before tax) needs approval. */
    public boolean needsApproval(BigDecimal base) {
        return approvalThreshold != null && base.compareTo(approvalThreshold) > 0;
    }
}
