package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A line as the editor sends it: a material in units per unit made with its scrap percentage, or a
 * service in hours per unit made with the worker who performs it by default (may be null).
 */
public record BomLineForm(
        LineKind kind, UUID articleId, BigDecimal quantity, BigDecimal scrapPercent, UUID workerId, String notes) {}
