package com.nexo.articles.ui;

import com.nexo.articles.stock.MovementType;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;

/** Stock movements as people read them: the type translated, quantities without trailing zeros. */
final class MovementLabels {

    private MovementLabels() {}

    static String type(Component context, MovementType type) {
        return switch (type) {
            case RECEIPT -> context.getTranslation("stock.type.receipt");
            case ISSUE -> context.getTranslation("stock.type.issue");
            case TRANSFER_IN -> context.getTranslation("stock.type.transfer-in");
            case TRANSFER_OUT -> context.getTranslation("stock.type.transfer-out");
            case ADJUSTMENT -> context.getTranslation("stock.type.adjustment");
        };
    }

    /** 12, 0.5, -3 (never 12.000000 or 1E+1). */
    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
