package com.nexo.sales.documents;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a user may do with a document in its state (the service checks the same rules again). */
public enum DocumentAction {
    EDIT,
    DELETE,
    SEND,
    TO_ORDER,
    CONFIRM,
    DELIVER,
    INVOICE,
    ISSUE,
    CORRECT,
    REGISTER_PAYMENT,
    CANCEL,
    DUPLICATE,
    PRINT,
    EMAIL;

    /** The translation key of the action's button ("sales.action.to-order"). */
    public String key() {
        return "sales.action." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The actions {@code document}'s state allows on {@code today} (whatever the user's permissions:
     * the view also hides what the user may not do).
     */
    public static Set<DocumentAction> allowed(SalesDocument document, java.time.LocalDate today) {
        Set<DocumentAction> actions = EnumSet.of(DUPLICATE, PRINT);
        DocumentStatus status = document.status();
        if (status == DocumentStatus.CANCELLED) {
            return actions;
        }
        actions.add(EMAIL);
        if (status == DocumentStatus.DRAFT) {
            actions.add(EDIT);
            actions.add(DELETE);
        }
        switch (document.kind()) {
            case QUOTE -> {
                if (!document.expiredOn(today) && status != DocumentStatus.ACCEPTED) {
                    if (status == DocumentStatus.DRAFT) {
                        actions.add(SEND);
                    }
                    actions.add(TO_ORDER);
                }
                if (status != DocumentStatus.ACCEPTED) {
                    actions.add(CANCEL);
                }
            }
            case ORDER -> {
                if (status == DocumentStatus.DRAFT) {
                    actions.add(CONFIRM);
                    actions.add(CANCEL);
                }
                if (status == DocumentStatus.CONFIRMED || status == DocumentStatus.PARTIALLY_DELIVERED) {
                    actions.add(DELIVER);
                }
                if (status != DocumentStatus.DRAFT
                        && document.lines().stream().anyMatch(SalesFlowService::invoiceable)) {
                    actions.add(INVOICE);
                }
                if (status == DocumentStatus.CONFIRMED && nothingDoneYet(document)) {
                    actions.add(CANCEL);
                }
            }
            case DELIVERY -> {
                if (document.lines().stream().anyMatch(line -> line.toInvoice().signum() > 0)) {
                    actions.add(INVOICE);
                }
                if (document.lines().stream()
                        .allMatch(line -> line.invoicedQuantity().signum() == 0)) {
                    actions.add(CANCEL);
                }
            }
            case INVOICE, CORRECTIVE -> {
                if (status == DocumentStatus.DRAFT) {
                    actions.add(ISSUE);
                }
                if (status == DocumentStatus.ISSUED) {
                    if (document.kind() == DocumentKind.INVOICE) {
                        actions.add(CORRECT);
                    }
                    actions.add(REGISTER_PAYMENT);
                }
                actions.add(CANCEL);
            }
        }
        return actions;
    }

    private static boolean nothingDoneYet(SalesDocument order) {
        return order.lines().stream()
                .allMatch(line -> line.deliveredQuantity().signum() == 0
                        && line.invoicedQuantity().signum() == 0);
    }
}
