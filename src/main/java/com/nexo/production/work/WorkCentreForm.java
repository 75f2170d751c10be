package com.nexo.production.work;

import java.math.BigDecimal;

/** A work centre as its form edits it. */
public record WorkCentreForm(String code, String name, BigDecimal hourlyRate, boolean active) {}
