package com.nexo.cms.content;

import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One line of the content list: the title in the reader's language or, when missing, in the other
 * ({@code titleLanguage} says which), and the languages it has.
 */
public record ItemRow(
        UUID id,
        ContentKind kind,
        String slug,
        String title,
        ContentLanguage titleLanguage,
        Set<ContentLanguage> languages,
        ContentStatus status,
        Set<Audience> audiences,
        Instant publishedAt,
        Instant updatedAt) {}
