package com.nexo.cms.library;

import com.nexo.cms.ContentLanguage;
import java.util.UUID;

/**
 * A knowledge-base category in tree order: its depth (0 for a top one), names in both languages (one
 * may be missing), its slug and how many articles it holds.
 */
public record CategoryRow(
        UUID id,
        UUID parentId,
        int depth,
        String slug,
        String nameEs,
        String nameEn,
        int position,
        long articles,
        long version) {

    /** The name in {@code language}, or the other when missing. */
    public String name(ContentLanguage language) {
        String preferred = language == ContentLanguage.ES ? nameEs : nameEn;
        return preferred != null ? preferred : (language == ContentLanguage.ES ? nameEn : nameEs);
    }
}
