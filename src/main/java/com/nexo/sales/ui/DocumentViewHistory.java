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
        String operation = switch (entry.operation()) {
            case "INSERT" -> "created";
            case "DELETE" -> "deleted";
            default -> "changed";
        };
        String table = switch (entry.table()) {
            case "sales_document_line" -> "line";
            case "sales_payment" -> "payment";
            case "sales_document_mail" -> "mail";
            default -> "document";
        };
        String what = context.getTranslation("sales.page.history." + table + "-" + operation);
        return new HistoryTimeline.Entry(entry.at(), who, what, changes);
    }

    /** The label of a column people care about; empty for technical columns. */
    private static Optional<String> label(Component context, String table, String column) {
        String key = switch (column) {
            case "status" -> "sales.page.status";
            case "number" -> "sales.page.number";
            case "document_date" -> "sales.editor.field.document-date";
            case "valid_until" -> "sales.editor.field.valid-until";
            case "delivery_date" -> "sales.editor.field.delivery-date";
            case "due_date" -> "sales.page.due-date";
            case "total_amount" -> "sales.editor.totals.total";
            case "client_reference" -> "sales.editor.field.client-reference";
            case "notes" -> "sales.editor.field.notes";
            case "cancel_reason" -> "sales.page.cancel-reason";
            case "description" -> "sales.editor.line.description";
            case "quantity" -> "sales.editor.line.quantity";
            case "unit_price" -> "sales.editor.line.price";
            case "discount_percent" -> "sales.editor.line.discount";
            case "vat_percent" -> "sales.editor.line.vat";
            case "delivered_quantity" -> "sales.editor.line.delivered";
            case "invoiced_quantity" -> "sales.editor.line.invoiced";
            default -> null;
        };
        return Optional.ofNullable(key).map(context::getTranslation);
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
