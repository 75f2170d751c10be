package com.nexo.production.portal.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Format;
import com.nexo.production.work.TaskStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Texts the professional portal's pages share: refusals and the state of a job. */
final class ProfessionalTexts {

    static final String CURRENCY = "EUR";

    private ProfessionalTexts() {}

    /** A refusal in the reader's language, dates and amounts formatted. */
    static String refusal(Component context, RuleException refusal) {
        Object[] arguments = refusal.arguments().clone();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (arguments[i]) {
                case LocalDate date -> Format.date(date);
                case BigDecimal amount -> Format.decimal(amount, 0, 2);
                case null -> "";
                default -> arguments[i];
            };
        }
        return context.getTranslation(refusal.messageKey(), arguments);
    }

    static String status(Component context, TaskStatus status) {
        return switch (status) {
            case OPEN -> context.getTranslation("portal.professional.status.open");
            case ACCEPTED -> context.getTranslation("portal.professional.status.accepted");
            case IN_PROGRESS -> context.getTranslation("portal.professional.status.in-progress");
            case DONE -> context.getTranslation("portal.professional.status.done");
        };
    }

    static String hours(BigDecimal hours) {
        return hours == null ? "" : Format.decimal(hours, 0, 2);
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : Format.money(amount, CURRENCY);
    }
}
