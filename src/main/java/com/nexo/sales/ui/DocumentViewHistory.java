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
                switch (operation) {
                    case "INSERT" -> context.getTranslation("sales.page.history.line-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.line-deleted");
                    default -> context.getTranslation("sales.page.history.line-changed");
                };
            case "sales_payment" ->
                switch (operation) {
                    case "INSERT" -> context.getTranslation("sales.page.history.payment-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.payment-deleted");
                    default -> context.getTranslation("sales.page.history.payment-changed");
                };
            case "sales_document_mail" ->
                switch (operation) {
                    case "INSERT" -> context.getTranslation("sales.page.history.mail-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.mail-deleted");
                    default -> context.getTranslation("sales.page.history.mail-changed");
                };
            default ->
                switch (operation) {
                    case "INSERT" -> context.getTranslation("sales.page.history.document-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.document-deleted");
                    default -> context.getTranslation("sales.page.history.document-changed");
                };
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
            case "total_amount" -> context.getTranslation("documents.totals.total");
            case "client_reference" -> context.getTranslation("sales.editor.field.client-reference");
            case "notes" -> context.getTranslation("sales.editor.field.notes");
            case "cancel_reason" -> context.getTranslation("sales.page.cancel-reason");
            case "description" -> context.getTranslation("documents.line.description");
            case "quantity" -> context.getTranslation("documents.line.quantity");
            case "unit_price" -> context.getTranslation("documents.line.price");
            case "discount_percent" -> context.getTranslation("documents.line.discount");
            case "vat_percent" -> context.getTranslation("documents.line.vat");
            case "delivered_quantity" -> context.getTranslation("sales.editor.line.delivered");
            case "invoiced_quantity" -> context.getTranslation("sales.editor.line.invoiced");
            default -> null;
        };
        return Optional.ofNullable(label);
    }

    @Override
    public String value(String column, String text) {
        return switch (column) {
            case "status" -> context.getTranslation(DocumentStatus.valueOf(text).key());
            case "document_date", "valid_until", "delivery_date", "due_date" -> Format.date(LocalDate.parse(text));
            case "total_amount", "unit_price" -> Format.money(new BigDecimal(text), currency);
            case "quantity", "delivered_quantity", "invoiced_quantity" ->
                DocumentViewTexts.quantity(new BigDecimal(text));
            case "discount_percent", "vat_percent" -> Format.percent(new BigDecimal(text));
            default -> text;
        };
    }
}
