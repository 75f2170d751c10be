package com.nexo.articles.counts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A stock count as the list of counts and the entry screen show it. {@code categoryId} is null for a
 * count of the whole warehouse. {@code lastEntryAt} is when a quantity was last entered or cleared
 * (null before the first one): posting with it refuses a count that changed after it was reviewed.
 */
public record StockCountSummary(
        UUID id,
        UUID warehouseId,
        String warehouseCode,
        UUID categoryId,
        String status,
        Instant startedAt,
        Instant postedAt,
        long lines,
        long counted,
        String warehouseName,
        String categoryCode,
        String categoryNameEs,
        String categoryNameEn,
        String startedByName,
        long differences,
        Instant lastEntryAt) {

    public static final String OPEN = "open";
    public static final String POSTED = "posted";
    public static final String CANCELLED = "cancelled";

    /** The same count with the name of the user who started it. */
    public StockCountSummary withStartedByName(String name) {
        return new StockCountSummary(
                id,
                warehouseId,
                warehouseCode,
                categoryId,
                status,
                startedAt,
                postedAt,
                lines,
                counted,
                warehouseName,
                categoryCode,
                categoryNameEs,
                categoryNameEn,
                name,
                differences,
                lastEntryAt);
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Lines nobody has counted yet: posting leaves their stock as it is. */
    public long uncounted() {
        return lines - counted;
    }

    /** The category's name in the user's language; null for a whole-warehouse count. */
    public String categoryName(Locale locale) {
        if (categoryId == null) {
            return null;
        }
        return "en".equals(locale.getLanguage()) ? categoryNameEn : categoryNameEs;
    }
}
