package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of a bill as stored: per one unit of the bill's article; {@code workerId} only on a service. */
public record BomLineRow(
        UUID id,
        UUID bomId,
        int position,
        LineKind kind,
        UUID articleId,
        BigDecimal quantity,
        BigDecimal scrapPercent,
        UUID workerId) {

    /** What must go in to make {@code made} units, scrap included. */
    public BigDecimal required(BigDecimal made) {
        return Scrap.required(quantity, scrapPercent, made);
    }
}
