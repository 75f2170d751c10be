package com.nexo.cms.ui;

import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import com.vaadin.flow.component.Component;
import java.util.Collection;
import java.util.stream.Collectors;

/** The words the content screens show for the CMS's kinds, states, audiences and languages. */
final class ContentLabels {

    private ContentLabels() {}

    static String kind(Component context, ContentKind kind) {
        return switch (kind) {
            case PAGE -> context.getTranslation("cms.content.kind.page");
            case NEWS -> context.getTranslation("cms.content.kind.news");
            case ARTICLE -> context.getTranslation("cms.content.kind.article");
            case DOCUMENT -> context.getTranslation("cms.content.kind.document");
        };
    }

    static String status(Component context, ContentStatus status) {
        return switch (status) {
            case DRAFT -> context.getTranslation("cms.content.status.draft");
            case SCHEDULED -> context.getTranslation("cms.content.status.scheduled");
            case PUBLISHED -> context.getTranslation("cms.content.status.published");
            case EXPIRED -> context.getTranslation("cms.content.status.expired");
        };
    }

    static String audience(Component context, Audience audience) {
        return switch (audience) {
            case INTERNAL -> context.getTranslation("cms.content.audience.internal");
            case CLIENTS -> context.getTranslation("cms.content.audience.clients");
            case SUPPLIERS -> context.getTranslation("cms.content.audience.suppliers");
            case PROFESSIONALS -> context.getTranslation("cms.content.audience.professionals");
            case PUBLIC -> context.getTranslation("cms.content.audience.public");
        };
    }

    static String audiences(Component context, Collection<Audience> audiences) {
        return audiences.stream().sorted().map(a -> audience(context, a)).collect(Collectors.joining(", "));
    }

    static String language(Component context, ContentLanguage language) {
        return switch (language) {
            case ES -> context.getTranslation("cms.content.language.es");
            case EN -> context.getTranslation("cms.content.language.en");
        };
    }

    /** The badge theme of a state. */
    static String statusTheme(ContentStatus status) {
        return switch (status) {
            case DRAFT -> "badge contrast";
            case SCHEDULED -> "badge";
            case PUBLISHED -> "badge success";
            case EXPIRED -> "badge error";
        };
    }
}
