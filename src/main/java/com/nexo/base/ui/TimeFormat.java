package com.nexo.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Moments as the person reading them writes dates: in the page's language, and in the browser's time
 * zone when the browser has told it (else the server's, which on premise is the business's own).
 */
public final class TimeFormat {

    private TimeFormat() {}

    /** Date and time to the minute, e.g. "24 nov 2026, 9:05" or "Nov 24, 2026, 9:05 AM". */
    public static String dateTime(Instant instant) {
        return format(instant, FormatStyle.SHORT);
    }

    /** Date and time to the second, for logs where the order of close events matters. */
    public static String dateTimeWithSeconds(Instant instant) {
        return format(instant, FormatStyle.MEDIUM);
    }

    private static String format(Instant instant, FormatStyle timeStyle) {
        if (instant == null) {
            return "";
        }
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Translations.ENGLISH : ui.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, timeStyle)
                .withLocale(locale)
                .withZone(zone(ui))
                .format(instant);
    }

    private static ZoneId zone(UI ui) {
        ExtendedClientDetails browser = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = browser == null ? null : browser.getTimeZoneId();
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                // An id this JVM does not know: the server's zone is the best guess left.
            }
        }
        return ZoneId.systemDefault();
    }
}
