package com.nexo.production.work;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Who performs service work: an employee ({@code userId}) or a professional ({@code professionalId}),
 * with the name read from the user or the account when it was saved.
 */
public record Worker(
        UUID id,
        WorkerKind kind,
        UUID userId,
        UUID professionalId,
        String name,
        BigDecimal hourlyRate,
        UUID workCentreId,
        boolean active,
        long version) {

    public WorkerForm form() {
        return new WorkerForm(kind, userId, professionalId, hourlyRate, workCentreId, active);
    }
}
