package com.nexo.accounts.ui;

import com.nexo.accounts.account.AccountField;
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
 * An account's change history as its timeline shows it: only the columns people edit (not versions,
 * timestamps or search keys), named as the form names them, with values as the reader writes them.
 */
final class AccountHistory {

    private AccountHistory() {}

    static List<HistoryTimeline.Entry> entries(Component context, List<ChangeEntry> history, Map<UUID, String> owners) {
        return history.stream().map(entry -> entry(context, entry, owners)).toList();
    }

    static HistoryTimeline.Entry entry(Component context, ChangeEntry entry, Map<UUID, String> owners) {
        boolean contact = "contact".equals(entry.table());
        List<HistoryTimeline.Change> changes = new ArrayList<>();
        // A removed row's columns are what it held, not changes: the entry names it instead.
        List<FieldChange> shown = "DELETE".equals(entry.operation()) ? List.of() : entry.changes();
        for (FieldChange change : shown) {
            label(context, contact, change.column())
                    .ifPresent(label -> changes.add(new HistoryTimeline.Change(
                            label,
                            StoredValues.show(context, change.column(), change.before(), owners),
                            StoredValues.show(context, change.column(), change.after(), owners))));
        }
        String who = entry.userName() != null ? entry.userName() : context.getTranslation("accounts.history.system");
        return new HistoryTimeline.Entry(entry.at(), who, what(context, entry, contact), changes);
    }

    private static String what(Component context, ChangeEntry entry, boolean contact) {
        // Written by the CRM's conversion of a lead (the note its transaction carries).
        if ("lead-conversion".equals(entry.note()) && "INSERT".equals(entry.operation())) {
            return (contact
                    ? context.getTranslation("accounts.history.contact-from-lead")
                    : context.getTranslation("accounts.history.created-from-lead"));
        }
        if ("merge".equals(entry.note())) {
            return (contact
                    ? context.getTranslation("accounts.history.contact-moved")
                    : context.getTranslation("accounts.history.merged"));
        }
        return switch (entry.operation()) {
            case "INSERT" ->
                (contact
                        ? context.getTranslation("accounts.history.contact-added")
                        : context.getTranslation("accounts.history.created"));
            case "DELETE" ->
                contact
                        ? context.getTranslation("accounts.history.contact-removed", removedName(context, entry))
                        : context.getTranslation("accounts.history.deleted");
            default ->
                (contact
                        ? context.getTranslation("accounts.history.contact-changed")
                        : context.getTranslation("accounts.history.changed"));
        };
    }

    private static String removedName(Component context, ChangeEntry entry) {
        return entry.changes().stream()
                .filter(change -> "name".equals(change.column()))
                .map(change -> StoredValues.show(context, "name", change.before(), Map.of()))
                .findFirst()
                .orElse("");
    }

    /** The label of a column people edit; empty for technical columns. */
    private static Optional<String> label(Component context, boolean contact, String column) {
        if (!contact) {
            return AccountField.ofColumn(column).map(field -> AccountLabels.field(context, field));
        }
        return contactLabel(context, column);
    }

    /** The label of a contact's column people edit; empty for technical columns. */
    static Optional<String> contactLabel(Component context, String column) {
        return Optional.ofNullable(
                switch (column) {
                    case "name" -> context.getTranslation("accounts.contacts.name");
                    case "position" -> context.getTranslation("accounts.contacts.position");
                    case "emails" -> context.getTranslation("accounts.contacts.emails");
                    case "phones" -> context.getTranslation("accounts.contacts.phones");
                    case "language" -> context.getTranslation("accounts.contacts.language");
                    case "is_primary" -> context.getTranslation("accounts.contacts.primary-field");
                    case "notes" -> context.getTranslation("accounts.contacts.notes");
                    default -> null;
                });
    }
}
