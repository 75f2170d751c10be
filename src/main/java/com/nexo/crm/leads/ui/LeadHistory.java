package com.nexo.crm.leads.ui;

import com.nexo.base.ui.HistoryTimeline;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.leads.LeadSource;
import com.nexo.crm.leads.LeadStatus;
import com.nexo.history.ChangeEntry;
import com.nexo.history.FieldChange;
import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A lead's change history as its timeline shows it: the columns people edit, values as they read. */
final class LeadHistory {

    private LeadHistory() {}

    static HistoryTimeline.Entry entry(Component context, ChangeEntry entry, Map<UUID, String> owners) {
        List<HistoryTimeline.Change> changes = new ArrayList<>();
        for (FieldChange change : entry.changes()) {
            LeadDetailView.labels(context)
                    .apply(change.column())
                    .ifPresent(label -> changes.add(new HistoryTimeline.Change(
                            label,
                            value(context, change.column(), change.before(), owners),
                            value(context, change.column(), change.after(), owners))));
        }
        String who = entry.userName() != null ? entry.userName() : context.getTranslation("crm.leads.history.system");
        return new HistoryTimeline.Entry(entry.at(), who, what(context, entry), changes);
    }

    private static String what(Component context, ChangeEntry entry) {
        if (LeadService.CONVERSION_NOTE.equals(entry.note())) {
            return context.getTranslation("crm.leads.history.converted");
        }
        return switch (entry.operation()) {
            case "INSERT" -> context.getTranslation("crm.leads.history.created");
            case "DELETE" -> context.getTranslation("crm.leads.history.deleted");
            default -> context.getTranslation("crm.leads.history.changed");
        };
    }

    private static String value(Component context, String column, String stored, Map<UUID, String> owners) {
        if (stored == null) {
            return "";
        }
        String value = plain(stored);
        try {
            return switch (column) {
                case "status" -> LeadLabels.status(context, LeadStatus.valueOf(value));
                case "source" -> LeadLabels.source(context, LeadSource.valueOf(value));
                case "owner_id" -> owners.getOrDefault(UUID.fromString(value), value);
                case "tags" ->
                    value.replaceAll("[\\[\\]{}\"]", "").replace(",", ", ").replace(",  ", ", ");
                default -> value;
            };
        } catch (IllegalArgumentException unknown) {
            return value;
        }
    }

    /** A history value as stored (JSON: a text in quotes) as plain text. */
    private static String plain(String stored) {
        if (stored.length() >= 2 && stored.startsWith("\"") && stored.endsWith("\"")) {
            return stored.substring(1, stored.length() - 1)
                    .replace("\\\"", "\"")
                    .replace("\\n", "\n");
        }
        return stored;
    }
}
