package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.UUID;

/**
 * Dated events a module adds to another module's record timeline (the CRM's activities on an account's
 * timeline), without the page's module depending on it: a Spring bean in the contributing module's
 * {@code ui} package. The page (see {@link RecordTimelines}) merges them with its own entries by time,
 * for users whose roles grant {@link #permission()}; a contribution that fails is left out and the
 * page carries on.
 */
public interface RecordTimeline {

    /** The kind of record page, as {@link RecordSection#recordType()}. */
    String recordType();

    /** The permission ({@code module.action}) a user needs to see these entries. */
    String permission();

    /** The latest entries for the record, already translated for {@code context}'s locale. */
    List<HistoryTimeline.Entry> entries(Component context, UUID recordId);
}
