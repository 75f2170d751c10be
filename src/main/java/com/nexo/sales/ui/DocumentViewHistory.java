package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.nexo.sales.documents.DocumentStatus;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document's change history as its timeline shows it: the document created, its state, number,
 * dates and totals changed, lines added, changed and removed, payments recorded and e-mails sent;
 * stored values (JSON text) shown as the reader expects them.
 */
final class DocumentViewHistory {

    private DocumentViewHistory() {}

    static List<HistoryTimeline.Entry> entries(Component context, List<ChangeEntry> history, String currency) {
        return history.stream().map(entry -> entry(context, entry, currency)).toList();
    }

    private static HistoryTimeline.Entry entry(Component context, ChangeEntry entry, String currency) {
        List<HistoryTimeline.Change> changes = new ArrayList<>();
        if ("UPDATE".equals(entry.operation())) {
            for (FieldChange change : entry.changes()) {
                label(context, entry.table(), change.column())
                        .ifPresent(label -> changes.add(new HistoryTimeline.Change(
                                label,
                                value(context, change.column(), change.before(), currency),
                                value(context, change.column(), change.after(), currency))));
            }
        }
        String who = entry.userName() != null ? entry.userName() : context.getTranslation("sales.page.history.system");
        String what = what(context, entry.table(), entry.operation());
        return new HistoryTimeline.Entry(entry.at(), who, what, changes);
    }

    /** What happened, by table and operation ("added a line"). */
    private static String what(Component context, String table, String operation) {
        String op = operation == null ? "UPDATE" : operation;
        return switch (table == null ? "" : table) {
            case "sales_document_line" ->
                switch (op) {
                    case "INSERT" -> context.getTranslation("sales.page.history.line-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.line-deleted");
                    default -> context.getTranslation("sales.page.history.line-changed");
                };
            case "sales_payment" ->
                switch (op) {
                    case "INSERT" -> context.getTranslation("sales.page.history.payment-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.payment-deleted");
                    default -> context.getTranslation("sales.page.history.payment-changed");
                };
            case "sales_document_mail" ->
                switch (op) {
                    case "INSERT" -> context.getTranslation("sales.page.history.mail-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.mail-deleted");
                    default -> context.getTranslation("sales.page.history.mail-changed");
                };
            default ->
                switch (op) {
                    case "INSERT" -> context.getTranslation("sales.page.history.document-created");
                    case "DELETE" -> context.getTranslation("sales.page.history.document-deleted");
                    default -> context.getTranslation("sales.page.history.document-changed");
                };
        };
    }

    /** The label of a column people care about; empty for technical columns. */
    private static Optional<String> label(Component context, String table, String column) {
        String label = switch (column) {
            case "status" -> context.getTranslation("sales.page.status");
            case "number" -> context.getTranslation("sales.page.number");
            case "document_date" -> context.getTranslation("sales.editor.field.document-date");
            case "valid_until" -> context.getTranslation("sales.editor.field.valid-until");
            case "delivery_date" -> context.getTranslation("sales.editor.field.delivery-date");
            case "due_date" -> context.getTranslation("sales.page.due-date");
            case "total_amount" -> context.getTranslation("sales.editor.totals.total");
            case "client_reference" -> context.getTranslation("sales.editor.field.client-reference");
            case "notes" -> context.getTranslation("sales.editor.field.notes");
            case "cancel_reason" -> context.getTranslation("sales.page.cancel-reason");
            case "description" -> context.getTranslation("sales.editor.line.description");
            case "quantity" -> context.getTranslation("sales.editor.line.quantity");
            case "unit_price" -> context.getTranslation("sales.editor.line.price");
            case "discount_percent" -> context.getTranslation("sales.editor.line.discount");
            case "vat_percent" -> context.getTranslation("sales.editor.line.vat");
            case "delivered_quantity" -> context.getTranslation("sales.editor.line.delivered");
            case "invoiced_quantity" -> context.getTranslation("sales.editor.line.invoiced");
            default -> null;
        };
        return Optional.ofNullable(label);
    }

    private static String value(Component context, String column, String json, String currency) {
        if (json == null || "null".equals(json)) {
            return "";
        }
        String text = json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
                ? json.substring(1, json.length() - 1)
                : json;
        try {
            return switch (column) {
                case "status" ->
                    context.getTranslation(DocumentStatus.valueOf(text).key());
                case "document_date", "valid_until", "delivery_date", "due_date" -> Format.date(LocalDate.parse(text));
                case "total_amount", "unit_price" -> Format.money(new BigDecimal(text), currency);
                case "quantity", "delivered_quantity", "invoiced_quantity" ->
                    DocumentViewTexts.quantity(new BigDecimal(text));
                case "discount_percent", "vat_percent" -> Format.percent(new BigDecimal(text));
                default -> text;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return text; // not what the column usually holds: show it as stored
        }
    }
}
