package com.nexo.articles.stock;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What a receipt at cost left: its movement in the ledger and the article's cost after it (per
 * article unit, four decimals).
 */
@NamedInterface("stock")
public record CostedReceipt(UUID movementId, BigDecimal newCost) {}
