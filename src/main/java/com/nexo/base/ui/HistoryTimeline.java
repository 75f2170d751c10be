package com.nexo.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;

/**
 * A record's changes, newest first: when, who, what happened, and each changed field's value before
 * and after. Any module shows its history with it by mapping its history entries to {@link Entry}.
 */
public class HistoryTimeline extends Div {

    /** A field's value before and after one change, already formatted for the reader. */
    public record Change(String field, String before, String after) {}

    /** One event of the record's life (created, changed, merged…), already translated. */
    public record Entry(Instant at, String who, String what, List<Change> changes) {}

    private final OrderedList list = new OrderedList();
    private final Paragraph empty = new Paragraph();

    public HistoryTimeline() {
        addClassName("history-timeline");
        list.addClassName("timeline");
        empty.addClassName("form-note");
        empty.setText(getTranslation("history.empty"));
        add(empty, list);
    }

    public void setEntries(List<Entry> entries) {
        list.removeAll();
        for (Entry entry : entries) {
            list.add(item(entry));
        }
        empty.setVisible(entries.isEmpty());
    }

    private ListItem item(Entry entry) {
        Span when = new Span(Format.dateTime(entry.at()));
        when.addClassName("timeline-when");
        Span what = new Span(getTranslation("history.who-did", entry.who(), entry.what()));
        what.addClassName("timeline-what");
        Div heading = new Div(what, when);
        heading.addClassName("timeline-heading");
        ListItem item = new ListItem(heading);
        item.addClassName("timeline-entry");
        if (!entry.changes().isEmpty()) {
            Div changes = new Div();
            changes.addClassName("timeline-changes");
            for (Change change : entry.changes()) {
                Div line = new Div(
                        new Span(change.field()),
                        new Span(getTranslation("history.from-to", shown(change.before()), shown(change.after()))));
                line.addClassName("timeline-change");
                changes.add(line);
            }
            item.add(changes);
        }
        return item;
    }

    private String shown(String value) {
        return value == null || value.isBlank() ? getTranslation("history.no-value") : value;
    }
}
