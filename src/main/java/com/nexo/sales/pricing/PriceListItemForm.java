package com.nexo.sales.pricing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * An item of a price list as the item row edits it: the article (fixed once added), the quantity
 * break it applies from, the unit price and the line discount.
 *
 * @param id null for a new item
 * @param version the version the item was loaded at (null for a new item)
 */
public record PriceListItemForm(
        UUID id,
        Long version,

        @NotNull(message = "{sales.pricing.validation.article-required}")
        UUID articleId,

        @NotNull(message = "{sales.pricing.validation.required}")
        @DecimalMin(value = "0", message = "{sales.pricing.validation.min-quantity}")
        @Digits(integer = 12, fraction = 6, message = "{sales.pricing.validation.min-quantity}")
        BigDecimal minQuantity,

        @NotNull(message = "{sales.pricing.validation.required}")
        @DecimalMin(value = "0", message = "{sales.pricing.validation.price}")
        @Digits(integer = 10, fraction = 4, message = "{sales.pricing.validation.price}")
        BigDecimal unitPrice,

        @DecimalMin(value = "0", message = "{sales.pricing.validation.percent}")
        @DecimalMax(value = "100", message = "{sales.pricing.validation.percent}")
        @Digits(integer = 3, fraction = 2, message = "{sales.pricing.validation.percent}")
        BigDecimal discountPercent) {

    /** A new item of {@code articleId}: from any quantity, at this price, no discount. */
    public static PriceListItemForm newItem(UUID articleId, BigDecimal unitPrice) {
        return new PriceListItemForm(null, null, articleId, BigDecimal.ZERO, unitPrice, BigDecimal.ZERO);
    }
}
