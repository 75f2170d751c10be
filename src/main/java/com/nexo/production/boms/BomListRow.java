package com.nexo.production.boms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A bill in the list: its article, revision, status, validity, number of lines and the standard cost
 * the last roll-up computed from it (null when none did). {@code createdAt} is the list's order key.
 */
public record BomListRow(
        UUID id,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        int revision,
        BomStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        int lineCount,
        BigDecimal standardCost,
        Instant createdAt) {

    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }
}
