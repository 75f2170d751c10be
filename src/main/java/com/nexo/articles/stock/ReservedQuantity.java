package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What {@link ReservationService#reserveAvailable} could promise for one request: the quantity
 * reserved (zero up to the quantity asked) and the open reservation holding it (null when nothing
 * was reserved).
 */
@NamedInterface("stock")
public record ReservedQuantity(UUID reservationId, BigDecimal reserved) {

    public static final ReservedQuantity NONE = new ReservedQuantity(null, BigDecimal.ZERO);
}
