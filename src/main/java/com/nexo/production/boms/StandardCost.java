package com.nexo.production.boms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The standard cost of one unit of a produced article, as the last roll-up wrote it. */
public record StandardCost(
        UUID articleId,
        UUID bomId,
        BigDecimal materialCost,
        BigDecimal serviceCost,
        BigDecimal unitCost,
        int level,
        Instant computedAt) {}
