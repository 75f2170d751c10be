package com.nexo.production.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a professional will be paid for the time it recorded from {@code from} to {@code to} (both
 * included), over all its jobs: hours times the rate each record was made at. A running clock counts
 * once it is stopped. Per job, the same is read a page at a time ({@link Line}).
 */
public record Earnings(LocalDate from, LocalDate to, BigDecimal hours, BigDecimal amount) {

    /** One job's hours and amount in the period. */
    public record Line(UUID taskId, String orderNumber, BigDecimal hours, BigDecimal amount) {}
}
