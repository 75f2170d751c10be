package com.nexo.articles.categories;

import java.util.Locale;
import java.util.UUID;

/**
 * A category as a tree view shows it, one level at a time: with how many sub-categories it has, so
 * the view can offer to expand it without loading them.
 */
public record CategoryTreeNode(
        UUID id, UUID parentId, String code, String nameEs, String nameEn, int depth, int childCount) {

    public boolean hasChildren() {
        return childCount > 0;
    }

    /** The name in the user's language (Spanish unless English is asked for). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameEs;
    }
}
