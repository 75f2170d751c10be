package com.nexo.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A quote's net total (taxable base) changed: its lines or discounts were saved. Published inside the
 * transaction that saved them (a listener's change commits or rolls back with the quote).
 */
public record QuoteTotalChanged(UUID tenantId, UUID quoteId, BigDecimal net, String currency) {}
