package com.nexo.production.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a professional will be paid for the time it recorded from {@code from} to {@code to} (both
 * included): hours times the rate each record was made at, per job and in total. A running clock
 * counts once it is stopped.
 */
public record Earnings(LocalDate from, LocalDate to, List<Line> jobs, BigDecimal hours, BigDecimal amount) {

    public Earnings {
        jobs = List.copyOf(jobs);
    }

    /** One job's hours and amount in the period. */
    public record Line(UUID taskId, String orderNumber, BigDecimal hours, BigDecimal amount) {}
}
