package com.nexo.cms.ui;

import com.nexo.base.ui.Format;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentReader;
import com.nexo.cms.content.ReadableItem;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What is published to the current reader, to read in place: the news (newest first, a page at a
 * time) and the pages, and a reading pane with the chosen one in the reader's language or the other.
 * The component portals embed: it needs only {@link ContentReader}, and reads nothing the reader's
 * roles and audience do not allow (the reader decides).
 */
@StyleSheet("styles/cms-reading.css")
@org.springframework.modulith.NamedInterface("published-content")
public class PublishedContentPanel extends Div {

    /** How many news one page of the list brings. */
    static final int NEWS_PAGE = 20;
    /** Pages are few: one list of at most this many. */
    static final int PAGES = 100;

    private final transient ContentReader reader;
    private final ContentLanguage language;
    private final List<ReadableItem> news = new ArrayList<>();
    final ListBox<ReadableItem> newsList = new ListBox<>();
    final ListBox<ReadableItem> pageList = new ListBox<>();
    final Button moreNews = new Button();
    final Article reading = new Article();
    private boolean selecting;

    public PublishedContentPanel(ContentReader reader) {
        this.reader = reader;
        this.language = ContentLanguage.of(getLocale());
        addClassName("cms-published");

        newsList.addClassName("cms-published-list");
        newsList.setRenderer(new ComponentRenderer<>(this::entry));
        newsList.addValueChangeListener(event -> chosen(event.getValue(), pageList));
        pageList.addClassName("cms-published-list");
        pageList.setRenderer(new ComponentRenderer<>(this::entry));
        pageList.addValueChangeListener(event -> chosen(event.getValue(), newsList));
        moreNews.setText(getTranslation("cms.read.more-news"));
        moreNews.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        moreNews.addClickListener(click -> loadNews());

        Section newsSection = new Section(new H3(getTranslation("cms.read.news")), newsList, moreNews);
        List<ReadableItem> pages = reader.published(ContentKind.PAGE, null, language, 0, PAGES);
        pageList.setItems(pages);
        Section pageSection = new Section(new H3(getTranslation("cms.read.pages")), pageList);
        pageSection.setVisible(!pages.isEmpty());
        Div lists = new Div(newsSection, pageSection);
        lists.addClassName("cms-published-lists");

        reading.addClassName("cms-reading");
        loadNews();
        showNothingChosen();
        add(lists, reading);
    }

    /**
     * Shows an item in the reading pane; false (and the pane says so) when the reader may not read it
     * or it is not published (any more).
     */
    public boolean open(UUID id) {
        Optional<ReadableItem> item = reader.read(id, language);
        selecting = true;
        try {
            newsList.setValue(item.filter(news::contains).orElse(null));
            pageList.clear();
        } finally {
            selecting = false;
        }
        item.ifPresentOrElse(this::show, this::showMissing);
        return item.isPresent();
    }

    /** Called when the reader chooses an item in the lists (not when {@link #open} shows one). */
    public Registration addOpenedListener(ComponentEventListener<OpenedEvent> listener) {
        return addListener(OpenedEvent.class, listener);
    }

    /** The reader chose an item. */
    public static class OpenedEvent extends ComponentEvent<PublishedContentPanel> {
        private final UUID itemId;

        OpenedEvent(PublishedContentPanel source, UUID itemId) {
            super(source, true);
            this.itemId = itemId;
        }

        public UUID itemId() {
            return itemId;
        }
    }

    private void loadNews() {
        List<ReadableItem> next = reader.published(ContentKind.NEWS, null, language, news.size(), NEWS_PAGE + 1);
        boolean more = next.size() > NEWS_PAGE;
        ReadableItem chosen = newsList.getValue();
        news.addAll(more ? next.subList(0, NEWS_PAGE) : next);
        selecting = true;
        try {
            newsList.setItems(news);
            newsList.setValue(chosen);
        } finally {
            selecting = false;
        }
        moreNews.setVisible(more);
    }

    private void chosen(ReadableItem item, ListBox<ReadableItem> otherList) {
        if (selecting || item == null) {
            return;
        }
        selecting = true;
        try {
            otherList.clear();
        } finally {
            selecting = false;
        }
        // Read again: the list's copy may be stale, and the reader decides once more.
        reader.read(item.id(), language).ifPresentOrElse(this::show, this::showMissing);
        fireEvent(new OpenedEvent(this, item.id()));
    }

    private Div entry(ReadableItem item) {
        Div entry = new Div();
        entry.addClassName("cms-published-entry");
        Span title = new Span(item.title());
        title.addClassName("cms-published-title");
        entry.add(title);
        if (item.kind() == ContentKind.NEWS && item.publishedAt() != null) {
            Span when = new Span(Format.date(item.publishedAt()));
            when.addClassName("secondary");
            entry.add(when);
        }
        return entry;
    }

    private void show(ReadableItem item) {
        reading.removeAll();
        H2 title = new H2(item.title());
        title.addClassName("cms-reading-title");
        reading.add(title);
        Div facts = new Div();
        facts.addClassName("cms-reading-facts");
        if (item.publishedAt() != null) {
            facts.add(new Span(getTranslation("cms.read.published", Format.date(item.publishedAt()))));
        }
        if (item.language() != language) {
            Span other = new Span(
                    item.language() == ContentLanguage.ES
                            ? getTranslation("cms.read.only-in.es")
                            : getTranslation("cms.read.only-in.en"));
            other.addClassName("cms-reading-other-language");
            facts.add(other);
        }
        reading.add(facts);
        if (item.summary() != null && !item.summary().isBlank()) {
            Paragraph summary = new Paragraph(item.summary());
            summary.addClassName("cms-reading-summary");
            reading.add(summary);
        }
        Div body = new Div();
        body.addClassName("cms-reading-body");
        // Sanitised when it was saved (ContentService): the only HTML a reader is ever served.
        body.getElement().setProperty("innerHTML", item.html() == null ? "" : item.html());
        reading.add(body);
        if (item.fileId() != null) {
            Anchor file = new Anchor(
                    "/cms/files/" + item.fileId(),
                    getTranslation("cms.read.download", item.fileName() == null ? item.title() : item.fileName()));
            file.addClassName("cms-reading-file");
            file.setTarget("_blank");
            reading.add(file);
        }
    }

    private void showMissing() {
        reading.removeAll();
        Paragraph missing = new Paragraph(getTranslation("cms.read.missing"));
        missing.addClassName("cms-reading-missing");
        reading.add(missing);
    }

    private void showNothingChosen() {
        reading.removeAll();
        Paragraph hint = new Paragraph(
                news.isEmpty() && pageList.getListDataView().getItemCount() == 0
                        ? getTranslation("cms.read.nothing")
                        : getTranslation("cms.read.choose"));
        hint.addClassName("secondary");
        reading.add(hint);
    }
}
