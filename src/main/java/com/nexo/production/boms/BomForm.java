package com.nexo.production.boms;

import java.time.LocalDate;
import java.util.UUID;

/** The header of a bill's version: which article it makes, from when to when, where by default. */
public record BomForm(UUID articleId, LocalDate validFrom, LocalDate validTo, UUID workCentreId, String notes) {}
