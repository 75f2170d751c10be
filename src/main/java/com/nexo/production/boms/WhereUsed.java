package com.nexo.production.boms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A bill that uses an article: directly ({@code level} 1: one of its lines, in {@code quantity} per
 * unit) or through sub-assemblies ({@code level} 2 and up, {@code quantity} of the sub-assembly it
 * uses at that step).
 */
public record WhereUsed(
        UUID bomId,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        int revision,
        BomStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        int level,
        BigDecimal quantity) {

    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }
}
