package com.nexo.base.ui;

import java.time.Instant;

/**
 * Moments as the person reading them writes dates. Kept for the screens not yet moved to
 * {@link Format}, which it delegates to so that both read the same.
 */
public final class TimeFormat {

    private TimeFormat() {}

    /** Date and time to the minute, e.g. "24 nov 2026, 9:05" or "Nov 24, 2026, 9:05 AM". */
    public static String dateTime(Instant instant) {
        return Format.dateTime(instant);
    }

    /** Date and time to the second, for logs where the order of close events matters. */
    public static String dateTimeWithSeconds(Instant instant) {
        return Format.dateTimeWithSeconds(instant);
    }
}
