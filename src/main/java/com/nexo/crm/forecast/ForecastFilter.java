package com.nexo.crm.forecast;

import java.util.UUID;

/**
 * What part of the pipeline a forecast covers: one pipeline (null: all), one owner (null: everyone
 * the user sees), one team's members (null: no team filter), in one currency (amounts in different
 * currencies are never added up).
 */
public record ForecastFilter(UUID pipelineId, UUID ownerId, UUID teamId, String currency) {

    public static final String DEFAULT_CURRENCY = "EUR";

    public ForecastFilter {
        currency = currency == null || currency.isBlank() ? DEFAULT_CURRENCY : currency.strip();
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency " + currency);
        }
    }

    /** Everything the user sees, in euros. */
    public static ForecastFilter everything() {
        return new ForecastFilter(null, null, null, DEFAULT_CURRENCY);
    }
}
