package com.nexo.articles.catalogue;

import java.util.UUID;

/**
 * What an article list shows: matching text (code, name in either language, barcode), optionally
 * only the subtree of one category, optionally with archived articles.
 */
public record ArticleQuery(String text, UUID categoryId, ArticleKind kind, boolean includeArchived) {

    public static ArticleQuery all() {
        return new ArticleQuery(null, null, null, false);
    }

    public static ArticleQuery inCategory(UUID categoryId) {
        return new ArticleQuery(null, categoryId, null, false);
    }

    public static ArticleQuery matching(String text) {
        return new ArticleQuery(text, null, null, false);
    }
}
