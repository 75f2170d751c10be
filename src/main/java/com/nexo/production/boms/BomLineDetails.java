package com.nexo.production.boms;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * A line of a bill as the editor shows it: the stored line with its article's code, names, unit and
 * cost, and the name of its worker (services only).
 */
public record BomLineDetails(
        UUID id,
        int position,
        LineKind kind,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        BigDecimal articleCost,
        BigDecimal quantity,
        BigDecimal scrapPercent,
        UUID workerId,
        String workerName,
        String notes) {

    /** The article's name in {@code locale}'s language (Spanish unless English is asked for). */
    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }

    /** The line as the editor sends it back. */
    public BomLineForm toForm() {
        return new BomLineForm(kind, articleId, quantity, scrapPercent, workerId, notes);
    }
}
