package com.nexo.cms.library;

import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A document of a folder: its title in the reader's language or the other, its file, state and revision. */
public record DocumentRow(
        UUID id,
        UUID folderId,
        String title,
        ContentLanguage titleLanguage,
        Set<ContentLanguage> languages,
        String fileName,
        String fileType,
        long fileSize,
        ContentStatus status,
        int revision,
        Instant updatedAt,
        long version) {}
