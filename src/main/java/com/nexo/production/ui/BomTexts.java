package com.nexo.production.ui;

import com.nexo.base.ui.Format;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.boms.BomStatus;
import com.nexo.production.boms.LineKind;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The texts the bill screens share: statuses, line kinds, validity and refusals in the reader's language. */
final class BomTexts {

    private BomTexts() {}

    static String status(Component context, BomStatus status) {
        return switch (status) {
            case DRAFT -> context.getTranslation("production.boms.status.draft");
            case ACTIVE -> context.getTranslation("production.boms.status.active");
            case ARCHIVED -> context.getTranslation("production.boms.status.archived");
        };
    }

    static String kind(Component context, LineKind kind) {
        return switch (kind) {
            case MATERIAL -> context.getTranslation("production.boms.kind.material");
            case SERVICE -> context.getTranslation("production.boms.kind.service");
        };
    }

    /** "from 01/01/2026" or "01/01/2026 – 31/12/2026". */
    static String validity(Component context, LocalDate from, LocalDate to) {
        return to == null
                ? context.getTranslation("production.boms.valid-open", Format.date(from))
                : context.getTranslation("production.boms.valid-range", Format.date(from), Format.date(to));
    }

    /** A refusal's message in the reader's language (quantities formatted). */
    static String refusal(Component context, ProductionRuleException refusal) {
        Object[] arguments = refusal.arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (arguments[i]) {
                case LocalDate date -> Format.date(date);
                case BigDecimal amount -> Format.decimal(amount, 0, 4);
                case Integer number -> Integer.toString(number);
                case null -> "";
                default -> arguments[i];
            };
        }
        return context.getTranslation(refusal.messageKey(), arguments);
    }

    static String quantity(BigDecimal value) {
        return value == null ? "" : Format.decimal(value, 0, 4);
    }

    static String cost(BigDecimal value) {
        return value == null ? "" : Format.decimal(value, 2, 4);
    }

    static String percent(BigDecimal value) {
        return value == null || value.signum() == 0 ? "" : Format.decimal(value, 0, 2) + " %";
    }
}
