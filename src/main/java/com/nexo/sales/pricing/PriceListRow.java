package com.nexo.sales.pricing;

import java.time.LocalDate;
import java.util.UUID;

/** A price list as the list screen and pickers show it, with how many items it has. */
public record PriceListRow(
        UUID id,
        String name,
        String currency,
        LocalDate validFrom,
        LocalDate validTo,
        boolean isDefault,
        String clientGroup,
        boolean archived,
        long items,
        long version) {

    /** Whether the list applies on {@code day}: not archived and within its period. */
    public boolean validOn(LocalDate day) {
        return !archived && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }
}
