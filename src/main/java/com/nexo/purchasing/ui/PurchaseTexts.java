package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The texts and routes the purchasing document page, its editor and dialogs share. */
final class PurchaseTexts {

    static final String ORDERS = "purchasing/orders";
    static final String RFQS = "purchasing/rfqs";

    private PurchaseTexts() {}

    /**
     * A refusal's message in the reader's language: arguments that are translation keys are
     * translated first, dates and amounts formatted.
     */
    static String refusal(Component context, PurchasingRuleException refusal) {
        Object[] arguments = refusal.arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (arguments[i]) {
                case String key when key.startsWith("purchasing.") -> context.getTranslation(key);
                case LocalDate date -> Format.date(date);
                case BigDecimal amount -> Format.decimal(amount, 0, 4);
                case null -> "";
                default -> arguments[i];
            };
        }
        return context.getTranslation(refusal.messageKey(), arguments);
    }

    /** The purchasing refusals for the shared document parts. */
    static Optional<String> refusalOf(Component context, RuntimeException failure) {
        return failure instanceof PurchasingRuleException refusal
                ? Optional.of(refusal(context, refusal))
                : Optional.empty();
    }

    static boolean changedMeanwhile(PurchasingRuleException refusal) {
        return "purchasing.rule.changed-meanwhile".equals(refusal.messageKey());
    }

    static String kindName(Component context, PurchaseKind kind) {
        return switch (kind) {
            case RFQ -> context.getTranslation("purchasing.page.kind.rfq");
            case ORDER -> context.getTranslation("purchasing.page.kind.order");
            case RECEIPT -> context.getTranslation("purchasing.page.kind.receipt");
            case BILL -> context.getTranslation("purchasing.page.kind.bill");
        };
    }

    /** "Purchase order PO2026-000012", or "Purchase order (draft)" before it has a number. */
    static String title(Component context, PurchaseKind kind, String number) {
        return number == null
                ? context.getTranslation("purchasing.page.title-draft", kindName(context, kind))
                : context.getTranslation("purchasing.page.title", kindName(context, kind), number);
    }

    static String status(Component context, PurchaseStatus status) {
        return switch (status) {
            case DRAFT -> context.getTranslation("purchasing.page.status.draft");
            case SENT -> context.getTranslation("purchasing.page.status.sent");
            case CLOSED -> context.getTranslation("purchasing.page.status.closed");
            case TO_APPROVE -> context.getTranslation("purchasing.page.status.to-approve");
            case APPROVED -> context.getTranslation("purchasing.page.status.approved");
            case PARTIALLY_RECEIVED -> context.getTranslation("purchasing.page.status.partially-received");
            case RECEIVED -> context.getTranslation("purchasing.page.status.received");
            case POSTED -> context.getTranslation("purchasing.page.status.posted");
            case CANCELLED -> context.getTranslation("purchasing.page.status.cancelled");
        };
    }

    /** An RFQ supplier's state (INVITED, SENT, ANSWERED, DECLINED, CHOSEN). */
    static String supplierStatus(Component context, String status) {
        return switch (status) {
            case "INVITED" -> context.getTranslation("purchasing.page.supplier-status.invited");
            case "SENT" -> context.getTranslation("purchasing.page.supplier-status.sent");
            case "ANSWERED" -> context.getTranslation("purchasing.page.supplier-status.answered");
            case "DECLINED" -> context.getTranslation("purchasing.page.supplier-status.declined");
            case "CHOSEN" -> context.getTranslation("purchasing.page.supplier-status.chosen");
            default -> status;
        };
    }

    /** The page of a document of {@code kind}, or null for kinds without a page here. */
    static String route(PurchaseKind kind, UUID id) {
        return switch (kind) {
            case ORDER -> ORDERS + "/" + id;
            case RFQ -> RFQS + "/" + id;
            case RECEIPT, BILL -> PurchaseRoutes.document(kind, id);
        };
    }

    static String editRoute(PurchaseKind kind, UUID id) {
        return (kind == PurchaseKind.RFQ ? RFQS : ORDERS) + "/" + id + "/edit";
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : Format.decimal(quantity, 0, 4);
    }
}
