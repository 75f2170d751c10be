package com.nexo.purchasing.receiving;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An order line as the receive screen shows it: what was ordered, what has been received so far and
 * what is still open (never negative).
 */
public record OpenLine(
        UUID lineId,
        int position,
        UUID articleId,
        String articleCode,
        String supplierCode,
        String description,
        String unitCode,
        boolean stockTracked,
        BigDecimal ordered,
        BigDecimal received,
        BigDecimal open) {

    public boolean isOpen() {
        return open.signum() > 0;
    }
}
