package com.nexo.articles.replenishment;

import java.math.BigDecimal;

/** Minimum and maximum stock of an article in a warehouse. */
public record StockLevels(BigDecimal minimum, BigDecimal maximum) {}
