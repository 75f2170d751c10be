package com.nexo.base.ui;

import com.nexo.base.format.Formats;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * {@link Formats} for the person looking at the screen: in the page's language and in the browser's
 * time zone (the server's until the browser has told it; the shell asks for it when a page opens).
 * The one way views show numbers, money, quantities, dates and times.
 */
public final class Format {

    private Format() {}

    /** The formats of the current page's reader. */
    public static Formats current() {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Translations.ENGLISH : Translations.supported(ui.getLocale());
        return new Formats(locale, zone(ui));
    }

    /** The browser's time zone, or the server's while the browser has not said. */
    public static ZoneId zone(UI ui) {
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

    public static String integer(long value) {
        return current().integer(value);
    }

    public static String decimal(BigDecimal value, int minDecimals, int maxDecimals) {
        return current().decimal(value, minDecimals, maxDecimals);
    }

    public static String quantity(BigDecimal value, int unitDecimals) {
        return current().quantity(value, unitDecimals);
    }

    public static String money(BigDecimal amount, String currency) {
        return current().money(amount, currency);
    }

    public static String price(BigDecimal amount, String currency) {
        return current().price(amount, currency);
    }

    public static String percent(BigDecimal value) {
        return current().percent(value);
    }

    public static String date(LocalDate date) {
        return current().date(date);
    }

    public static String date(Instant instant) {
        return current().date(instant);
    }

    public static String dateTime(Instant instant) {
        return current().dateTime(instant);
    }

    public static String dateTimeWithSeconds(Instant instant) {
        return current().dateTimeWithSeconds(instant);
    }

    public static String time(Instant instant) {
        return current().time(instant);
    }
}
