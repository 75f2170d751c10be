package com.nexo.production.work;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Time spent on a task: a clock (hours and cost null while it runs) or typed hours, costed at {@code hourlyRate}. */
public record TimeEntry(
        UUID id,
        UUID taskId,
        UUID orderId,
        UUID workerId,
        String workerName,
        UUID professionalId,
        LocalDate workDate,
        Instant startedAt,
        Instant endedAt,
        BigDecimal hours,
        BigDecimal hourlyRate,
        BigDecimal cost,
        String note) {

    public boolean running() {
        return hours == null;
    }
}
