package com.nexo.purchasing.prices;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which quantity break applies to a quantity: the one with the highest minimum not above it. The
 * service applies the same rule in SQL ({@code SupplierPriceService.pricesFor}); this is its
 * statement for code that holds an entry's breaks in memory.
 */
final class PriceBreaks {

    private PriceBreaks() {}

    /** The break for {@code quantity}; empty when every break asks for more (or there are none). */
    static Optional<PriceBreak> applicable(List<PriceBreak> breaks, BigDecimal quantity) {
        if (quantity == null || breaks == null) {
            return Optional.empty();
        }
        return breaks.stream()
                .filter(priceBreak -> priceBreak.minQuantity().compareTo(quantity) <= 0)
                .max(Comparator.comparing(PriceBreak::minQuantity));
    }
}
