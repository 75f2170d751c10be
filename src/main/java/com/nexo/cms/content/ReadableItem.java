package com.nexo.cms.content;

import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A published item as a reader gets it: in the reader's language or, when that text is missing, the
 * other ({@code language} says which; {@code languages} lists both when both exist). {@code html} is
 * sanitised. The file fields are set for documents.
 */
public record ReadableItem(
        UUID id,
        ContentKind kind,
        String slug,
        ContentLanguage language,
        Set<ContentLanguage> languages,
        String title,
        String summary,
        String html,
        Instant publishedAt,
        Instant updatedAt,
        UUID fileId,
        String fileName,
        String fileType,
        Long fileSize) {}
