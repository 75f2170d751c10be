package com.nexo.production.boms;

import java.time.LocalDate;
import java.util.UUID;

/** One version of an article's bill, as the list of its versions shows it; {@code version} is the row's lock. */
public record BomVersion(
        UUID id, int revision, BomStatus status, LocalDate validFrom, LocalDate validTo, int lineCount, long version) {}
