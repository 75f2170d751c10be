package com.nexo.production.floor;

import com.nexo.articles.ArticleDirectory.ArticleSummary;
import java.util.UUID;

/**
 * What a scanned or typed code is to an order: its produced article (record output), one of its
 * materials (record consumption of {@code materialId}), an article the order does not use, or nothing.
 */
public record ScanResult(Kind kind, ArticleSummary article, UUID materialId) {

    public enum Kind {
        OUTPUT,
        MATERIAL,
        NOT_IN_ORDER,
        UNKNOWN
    }

    static ScanResult unknown() {
        return new ScanResult(Kind.UNKNOWN, null, null);
    }
}
