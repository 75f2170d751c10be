package com.nexo.production.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A consumption, output or scrap recorded on an order, with its article as the page shows it. */
public record OrderEntry(
        UUID id,
        EntryKind kind,
        UUID articleId,
        String articleCode,
        String articleName,
        UUID materialId,
        BigDecimal quantity,
        BigDecimal unitCost,
        String reason,
        UUID movementId,
        Instant recordedAt) {

    /** What an entry records. */
    public enum EntryKind {
        CONSUMPTION,
        OUTPUT,
        SCRAP
    }
}
