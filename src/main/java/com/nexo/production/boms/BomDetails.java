package com.nexo.production.boms;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A version of a bill with its header and lines, as the editor shows it; {@code version} is the row's lock. */
public record BomDetails(
        UUID id,
        UUID articleId,
        String articleCode,
        String articleNameEs,
        String articleNameEn,
        String unitCode,
        int revision,
        BomStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        UUID workCentreId,
        String workCentreName,
        String notes,
        long version,
        List<BomLineDetails> lines) {

    public BomDetails {
        lines = List.copyOf(lines);
    }

    public String articleName(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? articleNameEn : articleNameEs;
    }

    public boolean isDraft() {
        return status == BomStatus.DRAFT;
    }
}
