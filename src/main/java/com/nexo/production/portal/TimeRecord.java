package com.nexo.production.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A time record of the professional: on which job and order, when, how long and what it earns (null while the clock runs). */
public record TimeRecord(
        UUID id,
        UUID taskId,
        String orderNumber,
        LocalDate workDate,
        Instant startedAt,
        Instant endedAt,
        BigDecimal hours,
        BigDecimal hourlyRate,
        BigDecimal amount,
        String note) {

    public boolean running() {
        return hours == null;
    }
}
