package com.nexo.base.ui.documents;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.HistoryTimeline;
import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A document's change history as its timeline shows it (sales or purchasing): who did what and, for
 * changes, each column people care about before and after, stored values (JSON text) shown as the
 * reader expects them. The module names its tables' events and columns ({@link Vocabulary}).
 */
public final class DocumentHistoryEntries {

    private DocumentHistoryEntries() {}

    /** One change of one row as the history module records it. */
    public record Event(Instant at, String userName, String table, String operation, List<ColumnChange> changes) {}

    /** A column's stored values (JSON text, may be null) before and after. */
    public record ColumnChange(String column, String before, String after) {}

    /** A module's words for its documents' history. */
    public interface Vocabulary {

        /** What happened ("added a line"), by table and operation (INSERT, UPDATE, DELETE). */
        String what(String table, String operation);

        /** The label of a column people care about; empty for technical columns. */
        Optional<String> label(String table, String column);

        /**
         * A stored value as the reader expects it (a state's name, a date, an amount); may throw
         * {@link IllegalArgumentException} or {@link DateTimeParseException}, and the text is then
         * shown as stored.
         */
        String value(String column, String text);
    }

    /** The words for a row's operation: added, removed or (any other) changed. */
    public static String byOperation(String operation, String created, String deleted, String changed) {
        return switch (operation) {
            case "INSERT" -> created;
            case "DELETE" -> deleted;
            default -> changed;
        };
    }

    /**
     * The label of a column every document and its lines have (total, description, quantity, price,
     * discount, VAT), or null for the module's own columns.
     */
    public static String commonLabel(Component context, String column) {
        return switch (column) {
            case "total_amount" -> context.getTranslation("documents.totals.total");
            case "description" -> context.getTranslation("documents.line.description");
            case "quantity" -> context.getTranslation("documents.line.quantity");
            case "unit_price" -> context.getTranslation("documents.line.price");
            case "discount_percent" -> context.getTranslation("documents.line.discount");
            case "vat_percent" -> context.getTranslation("documents.line.vat");
            default -> null;
        };
    }

    /**
     * A stored value of a column every document and its lines have (amounts in the document's
     * currency, percentages), or null for the module's own columns.
     */
    public static String commonValue(String column, String text, String currency) {
        return switch (column) {
            case "total_amount", "unit_price" -> Format.money(new BigDecimal(text), currency);
            case "discount_percent", "vat_percent" -> Format.percent(new BigDecimal(text));
            default -> null;
        };
    }

    public static List<HistoryTimeline.Entry> entries(Component context, Vocabulary words, List<Event> history) {
        return history.stream().map(event -> entry(context, words, event)).toList();
    }

    private static HistoryTimeline.Entry entry(Component context, Vocabulary words, Event event) {
        List<HistoryTimeline.Change> changes = new ArrayList<>();
        if ("UPDATE".equals(event.operation())) {
            for (ColumnChange change : event.changes()) {
                words.label(event.table(), change.column())
                        .ifPresent(label -> changes.add(new HistoryTimeline.Change(
                                label,
                                value(words, change.column(), change.before()),
                                value(words, change.column(), change.after()))));
            }
        }
        String who = event.userName() != null ? event.userName() : context.getTranslation("documents.history.system");
        String operation = event.operation() == null ? "UPDATE" : event.operation();
        return new HistoryTimeline.Entry(
                event.at(), who, words.what(event.table() == null ? "" : event.table(), operation), changes);
    }

    private static String value(Vocabulary words, String column, String json) {
        if (json == null || "null".equals(json)) {
            return "";
        }
        String text = json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
                ? json.substring(1, json.length() - 1)
                : json;
        try {
            return words.value(column, text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return text; // not what the column usually holds: show it as stored
        }
    }
}
