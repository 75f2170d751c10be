package com.nexo.cms.content;

import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.ContentStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An item with its texts, as the editor opens it. {@code version} is what a save must send back. */
public record ItemDetail(
        UUID id,
        ContentKind kind,
        String slug,
        UUID categoryId,
        UUID folderId,
        ContentStatus status,
        Instant publishAt,
        Instant expireAt,
        Instant publishedAt,
        Set<Audience> audiences,
        Set<UUID> internalRoles,
        int revision,
        long version,
        Map<ContentLanguage, ItemText> texts,
        Instant updatedAt) {}
