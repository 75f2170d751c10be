package com.nexo.articles.ui;

import com.nexo.articles.catalogue.ArticleKind;
import com.vaadin.flow.component.Component;

/** Translated names of the articles module's values. */
final class ArticleLabels {

    private ArticleLabels() {}

    static String kind(Component context, ArticleKind kind) {
        return switch (kind) {
            case GOODS -> context.getTranslation("articles.kind.goods");
            case SERVICE -> context.getTranslation("articles.kind.service");
            case INPUT -> context.getTranslation("articles.kind.input");
        };
    }
}
