package com.nexo.cms.ui;

import com.nexo.base.RuleException;
import com.nexo.cms.Audience;
import com.nexo.cms.ContentStatus;
import com.nexo.cms.search.CmsSearch;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** Words the library and the knowledge base share: audiences, states, sizes, refusals, excerpts. */
final class LibraryTexts {

    private LibraryTexts() {}

    static String audience(Component context, Audience audience) {
        return switch (audience) {
            case INTERNAL -> context.getTranslation("cms.library.audience.internal");
            case CLIENTS -> context.getTranslation("cms.library.audience.clients");
            case SUPPLIERS -> context.getTranslation("cms.library.audience.suppliers");
            case PROFESSIONALS -> context.getTranslation("cms.library.audience.professionals");
            case PUBLIC -> context.getTranslation("cms.library.audience.public");
        };
    }

    static String status(Component context, ContentStatus status) {
        return switch (status) {
            case DRAFT -> context.getTranslation("cms.library.status.draft");
            case SCHEDULED -> context.getTranslation("cms.library.status.scheduled");
            case PUBLISHED -> context.getTranslation("cms.library.status.published");
            case EXPIRED -> context.getTranslation("cms.library.status.expired");
        };
    }

    /** A small chip with an audience's name. */
    static Span chip(Component context, Audience audience) {
        Span chip = new Span(audience(context, audience));
        chip.getElement().getThemeList().add("badge small contrast");
        chip.addClassName("cms-audience-chip");
        return chip;
    }

    /** A file size a person reads: bytes, KB or MB with one decimal. */
    static String size(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024L * 1024) {
            return String.format(locale, "%.1f KB", bytes / 1024.0);
        }
        return String.format(locale, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String refusal(Component context, RuleException refusal) {
        return context.getTranslation(refusal.messageKey(), refusal.arguments());
    }

    /** An excerpt of a search hit with its matched words in {@code <mark>}, as text nodes (never HTML). */
    static Span excerpt(String excerpt) {
        Span text = new Span();
        text.addClassName("cms-hit-excerpt");
        if (excerpt == null) {
            return text;
        }
        String rest = excerpt;
        while (!rest.isEmpty()) {
            int start = rest.indexOf(CmsSearch.MATCH_START);
            if (start < 0) {
                text.add(new Span(rest));
                break;
            }
            if (start > 0) {
                text.add(new Span(rest.substring(0, start)));
            }
            int end = rest.indexOf(CmsSearch.MATCH_END, start);
            String word = end < 0 ? rest.substring(start + 1) : rest.substring(start + 1, end);
            com.vaadin.flow.component.html.Emphasis mark = new com.vaadin.flow.component.html.Emphasis(word);
            mark.addClassName("cms-hit-match");
            mark.getStyle().set("font-style", "normal").set("font-weight", "600");
            text.add(mark);
            rest = end < 0 ? "" : rest.substring(end + 1);
        }
        return text;
    }
}
