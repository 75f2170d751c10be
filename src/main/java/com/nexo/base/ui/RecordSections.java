package com.nexo.base.ui;

import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The {@link RecordSection}s contributed to record pages, as a page asks for them: those of its record
 * type the user may see, in order, framed like the page's own sections.
 */
@org.springframework.stereotype.Component
public class RecordSections {

    private static final Logger LOG = LoggerFactory.getLogger(RecordSections.class);

    private final List<RecordSection> all;

    @org.springframework.beans.factory.annotation.Autowired
    RecordSections(ObjectProvider<RecordSection> sections) {
        this(sections.orderedStream().toList());
    }

    private RecordSections(List<RecordSection> all) {
        this.all = all.stream()
                .sorted(Comparator.comparingInt(RecordSection::order))
                .toList();
    }

    /** No contributed sections (a page built by hand in a test). */
    public static RecordSections none() {
        return new RecordSections(List.of());
    }

    /** These sections (a page built by hand in a test). */
    public static RecordSections of(List<RecordSection> sections) {
        return new RecordSections(sections);
    }

    /**
     * The framed sections of {@code recordType} for the record {@code recordId} that a user who
     * {@code may} hold a permission may see. {@code context} translates titles and failures.
     */
    public List<Section> render(
            com.vaadin.flow.component.Component context, String recordType, UUID recordId, Predicate<String> may) {
        return all.stream()
                .filter(section -> section.recordType().equals(recordType) && may.test(section.permission()))
                .filter(section -> applies(section, recordId))
                .map(section -> frame(context, section, recordId))
                .toList();
    }

    private static boolean applies(RecordSection section, UUID id) {
        try {
            return section.appliesTo(id);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Record section {} could not tell whether it applies to {}",
                    section.getClass().getName(),
                    id,
                    e);
            return false;
        }
    }

    private static Section frame(com.vaadin.flow.component.Component context, RecordSection section, UUID id) {
        com.vaadin.flow.component.Component content;
        try {
            content = section.content(id);
        } catch (RuntimeException e) {
            LOG.warn("Record section {} failed for {}", section.getClass().getName(), id, e);
            Span failed = new Span(context.getTranslation("record-section.failed"));
            failed.addClassName("record-section-failed");
            content = failed;
        }
        Section framed = DetailSections.section(context.getTranslation(section.titleKey()), content);
        framed.addClassName("record-section");
        return framed;
    }
}
