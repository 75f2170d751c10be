package com.nexo.cms.search;

import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import java.util.UUID;

/**
 * One search result: the item, the language of the text that matched, its title and a short excerpt
 * with the matched words (plain text; the view highlights them), best first.
 */
public record SearchHit(
        UUID itemId, ContentKind kind, ContentLanguage language, String title, String excerpt, double rank) {}
