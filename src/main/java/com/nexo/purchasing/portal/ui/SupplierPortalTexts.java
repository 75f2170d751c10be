package com.nexo.purchasing.portal.ui;

import com.nexo.base.ui.Format;
import com.nexo.purchasing.PurchasingRuleException;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Texts the supplier portal's pages share: refusals, and the states of invitations, orders and responses. */
final class SupplierPortalTexts {

    static final String RFQS = "portal/rfqs";
    static final String ORDERS = "portal/purchase-orders";

    private SupplierPortalTexts() {}

    /** A refusal in the reader's language, its dates and amounts formatted. */
    static String refusal(Component context, PurchasingRuleException refusal) {
        Object[] arguments = refusal.arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (arguments[i]) {
                case LocalDate date -> Format.date(date);
                case BigDecimal amount -> Format.decimal(amount, 0, 4);
                case null -> "";
                default -> arguments[i];
            };
        }
        return context.getTranslation(refusal.messageKey(), arguments);
    }

    /** Where the supplier's invitation to an RFQ stands. */
    static String invitation(Component context, String status) {
        return switch (status) {
            case "ANSWERED" -> context.getTranslation("portal.supplier.invitation.answered");
            case "DECLINED" -> context.getTranslation("portal.supplier.invitation.declined");
            case "CHOSEN" -> context.getTranslation("portal.supplier.invitation.chosen");
            case "SENT" -> context.getTranslation("portal.supplier.invitation.to-answer");
            default -> context.getTranslation("portal.supplier.invitation.closed");
        };
    }

    /** An RFQ's state for its supplier: to answer, answered, or closed. */
    static String rfqState(Component context, boolean open, String invitation) {
        return open
                ? invitation(context, invitation)
                : invitation(context, "CHOSEN".equals(invitation) ? "CHOSEN" : "");
    }

    static String orderStatus(Component context, String status) {
        return switch (status) {
            case "SENT" -> context.getTranslation("portal.supplier.order-status.sent");
            case "PARTIALLY_RECEIVED" -> context.getTranslation("portal.supplier.order-status.partially-received");
            case "RECEIVED" -> context.getTranslation("portal.supplier.order-status.received");
            case "CANCELLED" -> context.getTranslation("portal.supplier.order-status.cancelled");
            default -> status;
        };
    }

    /** Where the supplier's response to an order stands; null: none yet. */
    static String response(Component context, String status) {
        if (status == null) {
            return context.getTranslation("portal.supplier.response.none");
        }
        return switch (status) {
            case "CONFIRMED" -> context.getTranslation("portal.supplier.response.confirmed");
            case "PROPOSED" -> context.getTranslation("portal.supplier.response.proposed");
            case "ACCEPTED" -> context.getTranslation("portal.supplier.response.accepted");
            case "REJECTED" -> context.getTranslation("portal.supplier.response.rejected");
            default -> status;
        };
    }

    static String fileKind(Component context, String kind) {
        return "BILL".equals(kind)
                ? context.getTranslation("portal.supplier.file.bill")
                : context.getTranslation("portal.supplier.file.delivery-note");
    }
}
