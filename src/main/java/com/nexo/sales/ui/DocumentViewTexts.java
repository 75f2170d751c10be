package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The texts the document page, the editor and the flow dialogs share. */
final class DocumentViewTexts {

    private DocumentViewTexts() {}

    /**
     * A refusal's message in the reader's language: arguments that are translation keys (a state's
     * name, {@code sales.status.issued}) are translated first, dates and amounts formatted.
     */
    static String refusal(Component context, SalesRuleException refusal) {
        Object[] arguments = refusal.arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (arguments[i]) {
                case String key when key.startsWith("sales.") -> context.getTranslation(key);
                case LocalDate date -> Format.date(date);
                case BigDecimal amount -> Format.decimal(amount, 0, 4);
                case null -> "";
                default -> arguments[i];
            };
        }
        return context.getTranslation(refusal.messageKey(), arguments);
    }

    /** The sales refusals for the shared document parts ({@code base.ui.documents.Refusals}). */
    static Optional<String> refusalOf(Component context, RuntimeException failure) {
        return failure instanceof SalesRuleException refusal
                ? Optional.of(refusal(context, refusal))
                : Optional.empty();
    }

    /** "Invoice F2026-000012", or "Invoice (draft)" before it has a number. */
    static String title(Component context, DocumentKind kind, String number) {
        return number == null
                ? context.getTranslation("sales.page.title-draft", context.getTranslation(kind.key()))
                : context.getTranslation("sales.page.title", context.getTranslation(kind.key()), number);
    }

    static String status(Component context, DocumentStatus status) {
        return context.getTranslation(status.key());
    }

    /** The route of the list documents of {@code kind} are shown in. */
    static String listRoute(DocumentKind kind) {
        return switch (kind) {
            case QUOTE -> "sales/quotes";
            case ORDER -> "sales/orders";
            case DELIVERY -> "sales/deliveries";
            case INVOICE, CORRECTIVE -> "sales/invoices";
        };
    }

    /** A quantity as the reader writes it, without trailing zeros beyond the unit's need. */
    static String quantity(BigDecimal quantity) {
        return quantity == null ? "" : Format.decimal(quantity, 0, 4);
    }
}
