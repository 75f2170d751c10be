package com.nexo.production.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Format;
import com.nexo.production.orders.OrderStatus;
import com.nexo.production.work.TaskStatus;
import com.nexo.production.work.WorkerKind;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Texts the shop floor, the tasks section and the production settings share: refusals and state names. */
final class ShopFloorTexts {

    private ShopFloorTexts() {}

    /**
     * A refusal (production's, or one of the articles' stock rules an order step ran into) in the
     * reader's language: arguments that are keys translated, dates and amounts formatted.
     */
    static String refusal(Component context, RuleException refusal) {
        Object[] arguments = refusal.arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (arguments[i]) {
                case String key when key.startsWith("production.") -> context.getTranslation(key);
                case LocalDate date -> Format.date(date);
                case BigDecimal amount -> Format.decimal(amount, 0, 4);
                case null -> "";
                default -> arguments[i];
            };
        }
        return context.getTranslation(refusal.messageKey(), arguments);
    }

    /** What went wrong in a call to another part (a refusal), readable. */
    static String failure(Component context, RuntimeException failure) {
        if (failure instanceof RuleException refusal) {
            return refusal(context, refusal);
        }
        throw failure;
    }

    static String orderStatus(Component context, OrderStatus status) {
        return switch (status) {
            case DRAFT -> context.getTranslation("production.floor.status.draft");
            case RELEASED -> context.getTranslation("production.floor.status.released");
            case IN_PROGRESS -> context.getTranslation("production.floor.status.in-progress");
            case COMPLETED -> context.getTranslation("production.floor.status.completed");
            case CLOSED -> context.getTranslation("production.floor.status.closed");
            case CANCELLED -> context.getTranslation("production.floor.status.cancelled");
        };
    }

    static String taskStatus(Component context, TaskStatus status) {
        return switch (status) {
            case OPEN -> context.getTranslation("production.tasks.status.open");
            case ACCEPTED -> context.getTranslation("production.tasks.status.accepted");
            case IN_PROGRESS -> context.getTranslation("production.tasks.status.in-progress");
            case DONE -> context.getTranslation("production.tasks.status.done");
        };
    }

    static String workerKind(Component context, WorkerKind kind) {
        return switch (kind) {
            case EMPLOYEE -> context.getTranslation("production.settings.kind.employee");
            case PROFESSIONAL -> context.getTranslation("production.settings.kind.professional");
        };
    }
}
