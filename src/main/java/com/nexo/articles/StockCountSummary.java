package com.nexo.articles;

import java.time.Instant;
import java.util.UUID;

/** A stock count as the list of counts shows it. */
public record StockCountSummary(
        UUID id,
        UUID warehouseId,
        String warehouseCode,
        UUID categoryId,
        String status,
        Instant startedAt,
        Instant postedAt,
        long lines,
        long counted) {}
