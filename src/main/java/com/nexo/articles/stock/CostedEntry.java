package com.nexo.articles.stock;

import java.math.BigDecimal;
import org.springframework.modulith.NamedInterface;

/**
 * A receipt at a known cost, for {@link StockValuation#receiveAllAtCost}: the stock entry and the
 * cost of one unit of the article's own unit.
 */
@NamedInterface("stock")
public record CostedEntry(StockEntry entry, BigDecimal unitCost) {}
