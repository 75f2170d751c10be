package com.nexo.purchasing.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.documents.DocumentHistoryEntries;
import com.nexo.history.ChangeEntry;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A purchasing document's words for its timeline ({@link DocumentHistoryEntries}): the document
 * created, submitted, approved, sent or cancelled, its lines, an RFQ's suppliers and their answers,
 * and e-mails sent.
 */
final class PurchaseHistoryWords implements DocumentHistoryEntries.Vocabulary {

    private final Component context;
    private final String currency;

    private PurchaseHistoryWords(Component context, String currency) {
        this.context = context;
        this.currency = currency;
    }

    static List<HistoryTimeline.Entry> entries(Component context, List<ChangeEntry> history, String currency) {
        return DocumentHistoryEntries.entries(
                context,
                new PurchaseHistoryWords(context, currency),
                history.stream()
                        .map(entry -> new DocumentHistoryEntries.Event(
                                entry.at(),
                                entry.userName(),
                                entry.table(),
                                entry.operation(),
                                entry.changes().stream()
                                        .map(change -> new DocumentHistoryEntries.ColumnChange(
                                                change.column(), change.before(), change.after()))
                                        .toList()))
                        .toList());
    }

    @Override
    public String what(String table, String operation) {
        return switch (table) {
            case "purchase_document_line" ->
                switch (operation) {
                    case "INSERT" -> context.getTranslation("purchasing.history.line-created");
                    case "DELETE" -> context.getTranslation("purchasing.history.line-deleted");
                    default -> context.getTranslation("purchasing.history.line-changed");
                };
            case "purchase_rfq_supplier" ->
                switch (operation) {
                    case "INSERT" -> context.getTranslation("purchasing.history.supplier-added");
                    case "DELETE" -> context.getTranslation("purchasing.history.supplier-removed");
                    default -> context.getTranslation("purchasing.history.supplier-changed");
                };
            case "purchase_rfq_answer" -> context.getTranslation("purchasing.history.answer-recorded");
            case "purchase_document_mail" -> context.getTranslation("purchasing.history.mail-sent");
            default ->
                switch (operation) {
                    case "INSERT" -> context.getTranslation("purchasing.history.document-created");
                    case "DELETE" -> context.getTranslation("purchasing.history.document-deleted");
                    default -> context.getTranslation("purchasing.history.document-changed");
                };
        };
    }

    @Override
    public Optional<String> label(String table, String column) {
        if ("purchase_rfq_supplier".equals(table) || "purchase_rfq_answer".equals(table)) {
            return Optional.empty();
        }
        String label = switch (column) {
            case "status" -> context.getTranslation("purchasing.page.status");
            case "number" -> context.getTranslation("purchasing.page.number");
            case "document_date" -> context.getTranslation("purchasing.field.document-date");
            case "expected_date" -> context.getTranslation("purchasing.field.expected-date");
            case "total_amount" -> context.getTranslation("documents.totals.total");
            case "supplier_reference" -> context.getTranslation("purchasing.field.supplier-reference");
            case "notes" -> context.getTranslation("purchasing.field.notes");
            case "cancel_reason" -> context.getTranslation("purchasing.page.cancel-reason");
            case "description" -> context.getTranslation("documents.line.description");
            case "quantity" -> context.getTranslation("documents.line.quantity");
            case "unit_price" -> context.getTranslation("documents.line.price");
            case "discount_percent" -> context.getTranslation("documents.line.discount");
            case "vat_percent" -> context.getTranslation("documents.line.vat");
            case "received_quantity" -> context.getTranslation("purchasing.line.received");
            case "billed_quantity" -> context.getTranslation("purchasing.line.billed");
            default -> null;
        };
        return Optional.ofNullable(label);
    }

    @Override
    public String value(String column, String text) {
        return switch (column) {
            case "status" -> PurchaseTexts.status(context, PurchaseStatus.valueOf(text));
            case "document_date", "expected_date" -> Format.date(LocalDate.parse(text));
            case "total_amount", "unit_price" -> Format.money(new BigDecimal(text), currency);
            case "quantity", "received_quantity", "billed_quantity" -> PurchaseTexts.quantity(new BigDecimal(text));
            case "discount_percent", "vat_percent" -> Format.percent(new BigDecimal(text));
            default -> text;
        };
    }
}
