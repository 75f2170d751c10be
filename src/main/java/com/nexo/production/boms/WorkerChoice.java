package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.UUID;

/** A worker a service line may name, with the hourly rate that costs its time. */
public record WorkerChoice(UUID id, String name, BigDecimal hourlyRate) {}
