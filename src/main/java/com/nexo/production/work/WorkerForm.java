package com.nexo.production.work;

import java.math.BigDecimal;
import java.util.UUID;

/** A worker as its form edits it: exactly one of {@code userId} (employee) and {@code professionalId} (professional). */
public record WorkerForm(
        WorkerKind kind, UUID userId, UUID professionalId, BigDecimal hourlyRate, UUID workCentreId, boolean active) {}
