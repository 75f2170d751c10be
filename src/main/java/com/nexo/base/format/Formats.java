package com.nexo.base.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * How numbers, amounts of money, quantities, dates and moments read in a language and a time zone.
 * Every screen, PDF and e-mail formats through here, so the same price reads "89,00 €" on every page
 * of a Spanish reader and "€89.00" on every page of an English one, and the same moment shows the same
 * clock time wherever it appears. Views use {@code base.ui.Format}, which supplies the user's language
 * and browser time zone; code without a UI passes them explicitly.
 */
public final class Formats {

    private final Locale locale;
    private final ZoneId zone;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A whole number with the language's grouping: "1.234.567" / "1,234,567". */
    public String integer(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /**
     * A decimal number with at least {@code minDecimals} and at most {@code maxDecimals} decimals,
     * grouped: "1.234,5" / "1,234.5". Null is empty.
     */
    public String decimal(BigDecimal value, int minDecimals, int maxDecimals) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(Math.max(minDecimals, maxDecimals));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /**
     * A quantity in a unit that allows {@code unitDecimals} decimals: no more decimals than the unit
     * has, no trailing zeros ("12", "12,5", "0,125 kg" is the caller's to suffix).
     */
    public String quantity(BigDecimal value, int unitDecimals) {
        return decimal(value, 0, Math.max(0, unitDecimals));
    }

    /** An amount of money in {@code currency} (ISO code), with the currency's decimals: "89,00 €" / "€89.00". */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency unit = Currency.getInstance(currency == null ? "EUR" : currency);
        format.setCurrency(unit);
        int digits = Math.max(0, unit.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /**
     * A price per unit: the currency's decimals at least, up to four when the price has them
     * ("0,1250 €" for a screw bought by the thousand).
     */
    public String price(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency unit = Currency.getInstance(currency == null ? "EUR" : currency);
        format.setCurrency(unit);
        int digits = Math.max(0, unit.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(Math.max(digits, 4));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /** A percentage given as its number (21 for 21 %): "21 %" / "21%", decimals only when needed. */
    public String percent(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(value.movePointLeft(2));
    }

    /** A date: "2 dic 2026" / "Dec 2, 2026". */
    public String date(LocalDate date) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
    }

    /** The date of a moment in the reader's time zone. */
    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
    }

    /** Date and time to the minute in the reader's time zone: "2 dic 2026, 14:05" / "Dec 2, 2026, 2:05 PM". */
    public String dateTime(Instant instant) {
        return moment(instant, FormatStyle.SHORT);
    }

    /** Date and time to the second, for logs where the order of close events matters. */
    public String dateTimeWithSeconds(Instant instant) {
        return moment(instant, FormatStyle.MEDIUM);
    }

    /** The clock time alone, to the minute: "14:05" / "2:05 PM". */
    public String time(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(instant);
    }

    private String moment(Instant instant, FormatStyle timeStyle) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, timeStyle)
                        .withLocale(locale)
                        .withZone(zone)
                        .format(instant);
    }
}
