package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.base.ui.documents.DocumentHistoryEntries;
import com.nexo.history.ChangeEntry;
import com.nexo.sales.documents.DocumentStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A sales document's words for its timeline ({@link DocumentHistoryEntries}): the document created,
 * its state, number, dates and totals changed, lines added, changed and removed, payments recorded
 * and e-mails sent.
 */
final class DocumentViewHistory implements DocumentHistoryEntries.Vocabulary {

    private final Component context;
    private final String currency;

    private DocumentViewHistory(Component context, String currency) {
        this.context = context;
        this.currency = currency;
    }

    static List<HistoryTimeline.Entry> entries(Component context, List<ChangeEntry> history, String currency) {
        return DocumentHistoryEntries.entries(
                context,
                new DocumentViewHistory(context, currency),
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
            case "sales_document_line" ->
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("sales.page.history.line-created"),
                        context.getTranslation("sales.page.history.line-deleted"),
                        context.getTranslation("sales.page.history.line-changed"));
            case "sales_payment" ->
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("sales.page.history.payment-created"),
                        context.getTranslation("sales.page.history.payment-deleted"),
                        context.getTranslation("sales.page.history.payment-changed"));
            case "sales_document_mail" ->
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("sales.page.history.mail-created"),
                        context.getTranslation("sales.page.history.mail-deleted"),
                        context.getTranslation("sales.page.history.mail-changed"));
            default ->
                DocumentHistoryEntries.byOperation(
                        operation,
                        context.getTranslation("sales.page.history.document-created"),
                        context.getTranslation("sales.page.history.document-deleted"),
                        context.getTranslation("sales.page.history.document-changed"));
        };
    }

    @Override
    public Optional<String> label(String table, String column) {
        String label = switch (column) {
            case "status" -> context.getTranslation("sales.page.status");
            case "number" -> context.getTranslation("sales.page.number");
            case "document_date" -> context.getTranslation("sales.editor.field.document-date");
            case "valid_until" -> context.getTranslation("sales.editor.field.valid-until");
            case "delivery_date" -> context.getTranslation("sales.editor.field.delivery-date");
            case "due_date" -> context.getTranslation("sales.page.due-date");
            case "client_reference" -> context.getTranslation("sales.editor.field.client-reference");
            case "notes" -> context.getTranslation("sales.editor.field.notes");
            case "cancel_reason" -> context.getTranslation("sales.page.cancel-reason");
            case "delivered_quantity" -> context.getTranslation("sales.editor.line.delivered");
            case "invoiced_quantity" -> context.getTranslation("sales.editor.line.invoiced");
            default -> DocumentHistoryEntries.commonLabel(context, column);
        };
        return Optional.ofNullable(label);
    }

    @Override
    public String value(String column, String text) {
        return switch (column) {
            case "status" -> context.getTranslation(DocumentStatus.valueOf(text).key());
            case "document_date", "valid_until", "delivery_date", "due_date" -> Format.date(LocalDate.parse(text));
            case "quantity", "delivered_quantity", "invoiced_quantity" ->
                DocumentViewTexts.quantity(new BigDecimal(text));
            default -> {
                String common = DocumentHistoryEntries.commonValue(column, text, currency);
                yield common == null ? text : common;
            }
        };
    }
}
