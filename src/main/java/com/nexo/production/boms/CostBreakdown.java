package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What one unit of a produced article costs by its bill in force today, line by line (depth-first),
 * with the material and service totals of the top lines and their sum; and the standard cost the
 * last roll-up stored ({@code stored}, null when it never ran for the article).
 */
public record CostBreakdown(
        UUID articleId,
        UUID bomId,
        List<CostLine> lines,
        BigDecimal materialCost,
        BigDecimal serviceCost,
        BigDecimal unitCost,
        StandardCost stored) {

    public CostBreakdown {
        lines = List.copyOf(lines);
    }
}
