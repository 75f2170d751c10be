package com.nexo.production.work;

import java.math.BigDecimal;
import java.util.UUID;

/** A work centre as lists and pickers show it. */
public record WorkCentre(UUID id, String code, String name, BigDecimal hourlyRate, boolean active, long version) {

    /** "CODE · name": what a picker shows. */
    public String label() {
        return code + " · " + name;
    }

    public WorkCentreForm form() {
        return new WorkCentreForm(code, name, hourlyRate, active);
    }
}
