package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/** The {@link RecordTimeline}s contributed to record pages, merged into a page's own timeline. */
@org.springframework.stereotype.Component
public class RecordTimelines {

    private static final Logger LOG = LoggerFactory.getLogger(RecordTimelines.class);

    private final List<RecordTimeline> all;

    @org.springframework.beans.factory.annotation.Autowired
    RecordTimelines(ObjectProvider<RecordTimeline> timelines) {
        this(timelines.orderedStream().toList());
    }

    private RecordTimelines(List<RecordTimeline> all) {
        this.all = List.copyOf(all);
    }

    /** No contributions (a page built by hand in a test). */
    public static RecordTimelines none() {
        return new RecordTimelines(List.of());
    }

    /**
     * The page's own {@code entries} and those contributed for the record {@code recordId} that a user
     * who {@code may} hold a permission may see, newest first.
     */
    public List<HistoryTimeline.Entry> merged(
            Component context,
            String recordType,
            UUID recordId,
            Predicate<String> may,
            List<HistoryTimeline.Entry> entries) {
        List<HistoryTimeline.Entry> merged = new ArrayList<>(entries);
        for (RecordTimeline timeline : all) {
            if (!timeline.recordType().equals(recordType) || !may.test(timeline.permission())) {
                continue;
            }
            try {
                merged.addAll(timeline.entries(context, recordId));
            } catch (RuntimeException e) {
                LOG.warn("Record timeline {} failed for {}", timeline.getClass().getName(), recordId, e);
            }
        }
        merged.sort(Comparator.comparing(HistoryTimeline.Entry::at).reversed());
        return merged;
    }
}
