package com.nexo.articles.categories;

import java.util.UUID;

/** A category as the tree shows it. */
public record CategoryNode(UUID id, UUID parentId, String code, String nameEs, String nameEn, int depth) {

    static CategoryNode of(ArticleCategory category) {
        return new CategoryNode(
                category.getId(),
                category.getParentId(),
                category.getCode(),
                category.getNameEs(),
                category.getNameEn(),
                category.getDepth());
    }
}
