package com.nexo.sales.pricing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The price a list gives an article: the unit price and line discount of the item that applies, and
 * the list it came from (its name is shown beside the price, its currency is the price's).
 */
public record PriceQuote(
        BigDecimal unitPrice, BigDecimal discountPercent, UUID priceListId, String listName, String currency) {}
