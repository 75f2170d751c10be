package com.nexo.crm.activities.ui;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.ui.Format;
import com.nexo.base.ui.Notices;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.activities.ActivityRow;
import com.nexo.crm.activities.ActivityRuleException;
import com.nexo.crm.activities.ActivityService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A list of activities read a page at a time by key ("show more" reads the next page): a checkbox
 * completes an activity (or opens it again) with one click, the subject opens its form, and the record
 * it is about links to that record's page.
 */
class ActivityList extends Div {

    static final int PAGE = 20;

    /** Reads up to {@code limit} activities after {@code after}. */
    @FunctionalInterface
    interface Reader {
        Page<ActivityRow> read(PageCursor after, int limit);
    }

    private final transient ActivityService activities;
    private final transient Reader reader;
    private final boolean showAbout;
    private final String emptyText;
    private final transient Consumer<ActivityRow> open;
    private final transient Runnable changed;
    private final Div rows = new Div();
    private final Button more = new Button();
    private final List<ActivityRow> shown = new ArrayList<>();
    private PageCursor next;

    ActivityList(
            ActivityService activities,
            Reader reader,
            boolean showAbout,
            String emptyText,
            Consumer<ActivityRow> open,
            Runnable changed) {
        this.activities = activities;
        this.reader = reader;
        this.showAbout = showAbout;
        this.emptyText = emptyText;
        this.open = open;
        this.changed = changed;
        addClassName("activity-list");
        rows.addClassName("activity-rows");
        more.setText(getTranslation("crm.activities.more"));
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        more.addClassName("activity-more");
        more.addClickListener(click -> readNext());
        add(rows, more);
    }

    /** The activities listed now. */
    List<ActivityRow> shown() {
        return List.copyOf(shown);
    }

    /** Reads the list again from its first page. */
    void reload() {
        shown.clear();
        rows.removeAll();
        next = null;
        readPage(null);
        if (shown.isEmpty()) {
            Paragraph empty = new Paragraph(emptyText);
            empty.addClassName("activity-empty");
            rows.add(empty);
        }
    }

    private void readNext() {
        if (next != null) {
            readPage(next);
        }
    }

    private void readPage(PageCursor after) {
        Page<ActivityRow> page = reader.read(after, PAGE);
        for (ActivityRow row : page.rows()) {
            shown.add(row);
            rows.add(row(row));
        }
        next = page.next();
        more.setVisible(next != null);
    }

    private Component row(ActivityRow activity) {
        Div row = new Div();
        row.addClassName("activity-row");
        if (activity.done()) {
            row.addClassName("done");
        }
        Checkbox done = new Checkbox(activity.done());
        done.addClassName("activity-done");
        done.setAriaLabel(getTranslation("crm.activities.done-label", activity.subject()));
        done.setEnabled(CurrentUser.can(CrmPermissions.EDIT));
        done.addValueChangeListener(change -> {
            if (change.getValue() == activity.done()) {
                return;
            }
            try {
                if (change.getValue()) {
                    activities.markDone(activity.id());
                    Notices.success(getTranslation("crm.activities.completed", activity.subject()));
                } else {
                    activities.markUndone(activity.id());
                }
            } catch (ActivityRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
            changed.run();
        });
        Button subject = new Button(activity.subject(), click -> open.accept(activity));
        subject.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        subject.addClassName("activity-subject");
        subject.setIcon(icon(activity));
        Span meta = new Span(meta(activity));
        meta.addClassName("activity-meta");
        row.add(done, subject, meta);
        if (showAbout && activity.aboutName() != null) {
            Anchor about = new Anchor(activity.about().route(), activity.aboutName());
            about.addClassName("activity-about");
            row.add(about);
        }
        return row;
    }

    private String meta(ActivityRow activity) {
        List<String> parts = new ArrayList<>();
        parts.add(ActivityLabels.kind(this, activity.kind()));
        if (activity.dueAt() != null) {
            parts.add(Format.dateTime(activity.dueAt()));
        }
        if (activity.assigneeName() != null) {
            parts.add(activity.assigneeName());
        }
        return String.join(" · ", parts);
    }

    private static Component icon(ActivityRow activity) {
        return switch (activity.kind()) {
            case CALL -> VaadinIcon.PHONE.create();
            case MEETING -> VaadinIcon.GROUP.create();
            case TASK -> VaadinIcon.TASKS.create();
            case NOTE -> VaadinIcon.NOTEBOOK.create();
        };
    }
}
