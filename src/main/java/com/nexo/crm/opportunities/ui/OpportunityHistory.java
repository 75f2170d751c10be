package com.nexo.crm.opportunities.ui;

import com.nexo.base.ui.HistoryTimeline;
import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An opportunity's change history as its timeline shows it: the columns people change, named as the
 * form names them, stages, owners and lost reasons by name.
 */
final class OpportunityHistory {

    private OpportunityHistory() {}

    /** {@code names}: stages, owners and lost reasons by id. */
    static List<HistoryTimeline.Entry> entries(Component context, List<ChangeEntry> history, Map<UUID, String> names) {
        return history.stream().map(entry -> entry(context, entry, names)).toList();
    }

    private static HistoryTimeline.Entry entry(Component context, ChangeEntry entry, Map<UUID, String> names) {
        List<HistoryTimeline.Change> changes = new ArrayList<>();
        if (!"DELETE".equals(entry.operation())) {
            for (FieldChange change : entry.changes()) {
                label(context, change.column())
                        .ifPresent(label -> changes.add(new HistoryTimeline.Change(
                                label,
                                value(context, change.column(), change.before(), names),
                                value(context, change.column(), change.after(), names))));
            }
        }
        String who = entry.userName() != null ? entry.userName() : context.getTranslation("crm.history.system");
        String what = switch (entry.operation()) {
            case "INSERT" -> context.getTranslation("crm.history.created");
            case "DELETE" -> context.getTranslation("crm.history.deleted");
            default -> context.getTranslation("crm.history.changed");
        };
        return new HistoryTimeline.Entry(entry.at(), who, what, changes);
    }

    private static Optional<String> label(Component context, String column) {
        String label = switch (column) {
            case "title" -> context.getTranslation("crm.opportunity.field.title");
            case "stage_id" -> context.getTranslation("crm.opportunity.field.stage");
            case "pipeline_id" -> context.getTranslation("crm.opportunity.field.pipeline");
            case "account_id" -> context.getTranslation("crm.opportunity.field.account");
            case "contact_id" -> context.getTranslation("crm.opportunity.field.contact");
            case "amount" -> context.getTranslation("crm.opportunity.field.amount");
            case "currency" -> context.getTranslation("crm.opportunity.field.currency");
            case "probability" -> context.getTranslation("crm.opportunity.field.probability");
            case "expected_close" -> context.getTranslation("crm.opportunity.field.expected-close");
            case "owner_id" -> context.getTranslation("crm.opportunity.field.owner");
            case "status" -> context.getTranslation("crm.list.status");
            case "lost_reason_id" -> context.getTranslation("crm.opportunity.lose.reason");
            case "lost_note" -> context.getTranslation("crm.opportunity.lose.note");
            case "description" -> context.getTranslation("crm.opportunity.field.description");
            default -> null;
        };
        return Optional.ofNullable(label);
    }

    /** A stored JSON value as the reader writes it. */
    static String value(Component context, String column, String json, Map<UUID, String> names) {
        if (json == null || "null".equals(json)) {
            return "";
        }
        String text = json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
                ? json.substring(1, json.length() - 1)
                : json;
        if (column.endsWith("_id")) {
            try {
                return names.getOrDefault(UUID.fromString(text), text);
            } catch (IllegalArgumentException notAnId) {
                return text;
            }
        }
        if ("status".equals(column)) {
            try {
                return OpportunityLabels.status(context, com.nexo.crm.opportunities.OpportunityStatus.valueOf(text));
            } catch (IllegalArgumentException unknown) {
                return text;
            }
        }
        return text;
    }
}
