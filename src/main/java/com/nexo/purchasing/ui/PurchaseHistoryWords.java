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
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("purchasing.history.line-created"),
                        context.getTranslation("purchasing.history.line-deleted"),
                        context.getTranslation("purchasing.history.line-changed"));
            case "purchase_rfq_supplier" ->
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("purchasing.history.supplier-added"),
                        context.getTranslation("purchasing.history.supplier-removed"),
                        context.getTranslation("purchasing.history.supplier-changed"));
            case "purchase_rfq_answer" -> context.getTranslation("purchasing.history.answer-recorded");
            case "purchase_document_mail" -> context.getTranslation("purchasing.history.mail-sent");
            case "purchase_order_response" -> context.getTranslation("portal.supplier.history.response");
            case "purchase_order_file" -> context.getTranslation("portal.supplier.history.file");
            default ->
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("purchasing.history.document-created"),
                        context.getTranslation("purchasing.history.document-deleted"),
                        context.getTranslation("purchasing.history.document-changed"));
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
            case "supplier_reference" -> context.getTranslation("purchasing.field.supplier-reference");
            case "notes" -> context.getTranslation("purchasing.field.notes");
            case "cancel_reason" -> context.getTranslation("purchasing.page.cancel-reason");
            case "received_quantity" -> context.getTranslation("purchasing.line.received");
            case "billed_quantity" -> context.getTranslation("purchasing.line.billed");
            default -> DocumentHistoryEntries.commonLabel(context, column);
        };
        return Optional.ofNullable(label);
    }

    @Override
    public String value(String column, String text) {
        return switch (column) {
            case "status" -> PurchaseTexts.status(context, PurchaseStatus.valueOf(text));
            case "document_date", "expected_date" -> Format.date(LocalDate.parse(text));
            case "quantity", "received_quantity", "billed_quantity" -> PurchaseTexts.quantity(new BigDecimal(text));
            default -> {
                String common = DocumentHistoryEntries.commonValue(column, text, currency);
                yield common == null ? text : common;
            }
        };
    }
}
