package com.nexo.cms.ui;

import com.nexo.base.ui.DashboardCard;
import com.nexo.base.ui.Format;
import com.nexo.cms.CmsPermissions;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.content.ContentReader;
import com.nexo.cms.content.ReadableItem;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;

/**
 * The dashboard card of news: the latest few internal news published to the employee's roles, each
 * title a link to it in the reading view, with its date and summary; a link to all of them. Portal
 * users never get the dashboard: their portal's home page shows what is published to them.
 */
@org.springframework.stereotype.Component
class NewsCard implements DashboardCard {

    /** How many of the latest news the card shows. */
    static final int LATEST = 5;

    private final ContentReader reader;

    NewsCard(ContentReader reader) {
        this.reader = reader;
    }

    @Override
    public String permission() {
        return CmsPermissions.READ;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String titleKey() {
        return "cms.news-card.title";
    }

    @Override
    public boolean wide() {
        return true;
    }

    @Override
    public Component content() {
        NewsList content = new NewsList();
        List<ReadableItem> news = reader.latestNews(content.language(), LATEST);
        if (news.isEmpty()) {
            Paragraph none = new Paragraph(content.getTranslation("cms.news-card.empty"));
            none.addClassName("secondary");
            content.add(none);
        }
        for (ReadableItem item : news) {
            Div entry = new Div();
            entry.addClassName("cms-news-entry");
            RouterLink title = new RouterLink(item.title(), ReadView.class, ReadView.parameters(item.id()));
            title.addClassName("cms-news-title");
            entry.add(title);
            if (item.publishedAt() != null) {
                Span when = new Span(Format.date(item.publishedAt()));
                when.addClassName("secondary");
                entry.add(when);
            }
            if (item.summary() != null && !item.summary().isBlank()) {
                Paragraph summary = new Paragraph(item.summary());
                summary.addClassName("cms-news-summary");
                entry.add(summary);
            }
            content.add(entry);
        }
        RouterLink all = new RouterLink(content.getTranslation("cms.news-card.all"), ReadView.class);
        all.addClassName("cms-news-all");
        content.add(all);
        return content;
    }

    /** The card's content, with the reading side's styles. */
    @StyleSheet("styles/cms-reading.css")
    static final class NewsList extends Div {
        NewsList() {
            addClassName("cms-news-card");
        }

        ContentLanguage language() {
            return ContentLanguage.of(getLocale());
        }
    }
}
