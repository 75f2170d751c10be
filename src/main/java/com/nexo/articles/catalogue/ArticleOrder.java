package com.nexo.articles.catalogue;

import com.nexo.base.paging.ListOrder;

/**
 * The orders an article list can be read in (a whitelist: each has an index that serves it).
 * {@link #RELEVANCE} is the text search's own order (best matches first) and applies only while a
 * text is searched; without one it falls back to {@link #CODE}.
 */
public enum ArticleOrder {
    /** By code: the unique index (tenant, code). */
    CODE,
    /** By Spanish name (index of migration V34). */
    NAME_ES,
    /** By English name (index of migration V34). */
    NAME_EN,
    RELEVANCE;

    ListOrder listOrder(boolean descending) {
        return switch (this) {
            case CODE -> ListOrder.keyset("a.code", "text", "a.id", descending);
            case NAME_ES -> ListOrder.keyset("a.name_es", "text", "a.id", descending);
            case NAME_EN -> ListOrder.keyset("a.name_en", "text", "a.id", descending);
            case RELEVANCE -> ListOrder.ranked("s.ordinal");
        };
    }
}
