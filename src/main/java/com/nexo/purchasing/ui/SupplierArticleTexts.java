package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.purchasing.prices.SupplierArticle;
import com.vaadin.flow.component.Component;
import java.util.stream.Collectors;

/** How the sections show a supplier's article: last price and date, lead time, breaks. */
final class SupplierArticleTexts {

    private SupplierArticleTexts() {}

    static String lastPrice(Component context, SupplierArticle entry) {
        if (entry.lastPrice() == null) {
            return "";
        }
        String price = Format.price(entry.lastPrice(), entry.currency());
        return entry.lastPriceOn() == null
                ? price
                : context.getTranslation("purchasing.prices.last-price-on", price, Format.date(entry.lastPriceOn()));
    }

    static String leadTime(Component context, SupplierArticle entry) {
        return entry.leadTimeDays() == null
                ? ""
                : context.getTranslation("purchasing.prices.lead-time-days", entry.leadTimeDays());
    }

    static String breaks(Component context, SupplierArticle entry) {
        return entry.breaks().stream()
                .map(b -> context.getTranslation(
                        "purchasing.prices.break",
                        Format.decimal(b.minQuantity(), 0, 4),
                        Format.price(b.unitPrice(), entry.currency())))
                .collect(Collectors.joining(" · "));
    }
}
