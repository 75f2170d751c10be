package com.nexo.crm.activities.ui;

import com.nexo.crm.activities.About;
import com.nexo.crm.activities.ActivityGroup;
import com.nexo.crm.activities.ActivityKind;
import com.vaadin.flow.component.Component;

/** The words of activities' kinds, groups and records, in the reader's language. */
public final class ActivityLabels {

    private ActivityLabels() {}

    public static String kind(Component c, ActivityKind kind) {
        return switch (kind) {
            case CALL -> c.getTranslation("crm.activities.kind.call");
            case MEETING -> c.getTranslation("crm.activities.kind.meeting");
            case TASK -> c.getTranslation("crm.activities.kind.task");
            case NOTE -> c.getTranslation("crm.activities.kind.note");
        };
    }

    static String group(Component c, ActivityGroup group) {
        return switch (group) {
            case OVERDUE -> c.getTranslation("crm.activities.group.overdue");
            case TODAY -> c.getTranslation("crm.activities.group.today");
            case UPCOMING -> c.getTranslation("crm.activities.group.upcoming");
        };
    }

    static String empty(Component c, ActivityGroup group) {
        return switch (group) {
            case OVERDUE -> c.getTranslation("crm.activities.empty.overdue");
            case TODAY -> c.getTranslation("crm.activities.empty.today");
            case UPCOMING -> c.getTranslation("crm.activities.empty.upcoming");
        };
    }

    static String about(Component c, About.Type type) {
        return switch (type) {
            case LEAD -> c.getTranslation("crm.activities.about.lead");
            case OPPORTUNITY -> c.getTranslation("crm.activities.about.opportunity");
            case ACCOUNT -> c.getTranslation("crm.activities.about.account");
        };
    }

    /** A reminder choice: minutes before the due time, null for none. */
    static String reminder(Component c, Integer minutes) {
        if (minutes == null) {
            return c.getTranslation("crm.activities.reminder.none");
        }
        return switch (minutes) {
            case 0 -> c.getTranslation("crm.activities.reminder.at-due");
            case 15 -> c.getTranslation("crm.activities.reminder.15");
            case 60 -> c.getTranslation("crm.activities.reminder.60");
            case 1440 -> c.getTranslation("crm.activities.reminder.1440");
            default -> c.getTranslation("crm.activities.reminder.minutes", minutes);
        };
    }
}
