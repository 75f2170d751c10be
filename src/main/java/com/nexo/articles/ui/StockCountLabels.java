package com.nexo.articles.ui;

import com.nexo.articles.counts.StockCountSummary;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the stock count screens share: status and scope texts, and quantities read and written. */
final class StockCountLabels {

    /** Up to 12 whole digits and 6 decimals (the ledger's numeric(18, 6)), comma or point. */
    private static final Pattern QUANTITY = Pattern.compile("-?\\d{1,12}([.,]\\d{1,6})?");

    private StockCountLabels() {}

    /** A typed quantity: its value (null for an empty field), or the key of what is wrong with it. */
    record Parsed(BigDecimal value, String errorKey) {
        boolean valid() {
            return errorKey == null;
        }
    }

    /**
     * Reads what someone typed into a counted field. Both decimal marks are accepted (a tablet's
     * numeric keypad may offer either, whatever the page's language); no thousands separators.
     */
    static Parsed parse(String text) {
        String typed = text == null ? "" : text.strip().replace(" ", "");
        if (typed.isEmpty()) {
            return new Parsed(null, null);
        }
        if (!QUANTITY.matcher(typed).matches()) {
            String formatKey = "stock.count.error.quantity-format";
            return new Parsed(null, formatKey);
        }
        BigDecimal value = new BigDecimal(typed.replace(',', '.'));
        if (value.signum() < 0) {
            return new Parsed(null, "stock.error.count-negative");
        }
        return new Parsed(value, null);
    }

    /** A quantity as the reader's language writes it, with the decimals of its unit. */
    static String quantity(BigDecimal value, int unitDecimals) {
        return value == null ? "" : Format.quantity(value, unitDecimals);
    }

    /** A quantity for the input field: no grouping, so that it reads back as typed. */
    static String editable(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        format.setGroupingUsed(false);
        return format.format(value.stripTrailingZeros());
    }

    /** A difference with its sign always written: "+2", "−1,5", "0". */
    static String difference(BigDecimal value, int unitDecimals) {
        String plain = quantity(value.abs(), unitDecimals);
        return switch (value.signum()) {
            case 1 -> "+" + plain;
            case -1 -> "\u2212" + plain;
            default -> plain;
        };
    }

    static Badge status(Component context, String status) {
        Badge badge = new Badge(
                switch (status) {
                    case StockCountSummary.POSTED -> context.getTranslation("stock.count.status.posted");
                    case StockCountSummary.CANCELLED -> context.getTranslation("stock.count.status.cancelled");
                    default -> context.getTranslation("stock.count.status.open");
                });
        badge.addThemeVariants(
                switch (status) {
                    case StockCountSummary.POSTED -> BadgeVariant.SUCCESS;
                    case StockCountSummary.CANCELLED -> BadgeVariant.CONTRAST;
                    default -> BadgeVariant.WARNING;
                },
                BadgeVariant.SMALL);
        badge.addClassName("count-status");
        return badge;
    }

    static String scope(Component context, StockCountSummary count, Locale locale) {
        return count.categoryId() == null
                ? context.getTranslation("stock.count.scope.warehouse")
                : count.categoryCode() + " · " + count.categoryName(locale);
    }
}
