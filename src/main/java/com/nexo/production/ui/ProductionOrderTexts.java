package com.nexo.production.ui;

import com.nexo.base.ui.Format;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderEntry.EntryKind;
import com.nexo.production.orders.OrderStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;

/** The words the production order screens share: states, entry kinds, quantities and refusals. */
final class ProductionOrderTexts {

    private ProductionOrderTexts() {}

    static String status(Component c, OrderStatus status) {
        return switch (status) {
            case DRAFT -> c.getTranslation("production.orders.status.draft");
            case RELEASED -> c.getTranslation("production.orders.status.released");
            case IN_PROGRESS -> c.getTranslation("production.orders.status.in-progress");
            case COMPLETED -> c.getTranslation("production.orders.status.completed");
            case CLOSED -> c.getTranslation("production.orders.status.closed");
            case CANCELLED -> c.getTranslation("production.orders.status.cancelled");
        };
    }

    static String kind(Component c, EntryKind kind) {
        return switch (kind) {
            case CONSUMPTION -> c.getTranslation("production.orders.entry.consumption");
            case OUTPUT -> c.getTranslation("production.orders.entry.output");
            case SCRAP -> c.getTranslation("production.orders.entry.scrap");
        };
    }

    /** A quantity with up to four decimals, none when whole. */
    static String quantity(BigDecimal value) {
        return value == null ? "" : Format.decimal(value, 0, 4);
    }

    static String money(BigDecimal value) {
        return value == null ? "—" : Format.decimal(value, 2, 2);
    }

    /** The refusal in the user's language. */
    static String refusal(Component c, ProductionRuleException e) {
        return c.getTranslation(e.messageKey(), e.arguments());
    }
}
