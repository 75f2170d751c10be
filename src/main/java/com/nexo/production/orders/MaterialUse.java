package com.nexo.production.orders;

import java.math.BigDecimal;
import java.util.UUID;

/** A quantity of one material line of an order: consumed, or proposed for consumption. */
public record MaterialUse(UUID materialId, BigDecimal quantity) {}
