package com.nexo.cms.content;

import com.nexo.cms.Audience;
import com.nexo.cms.ContentKind;
import com.nexo.cms.ContentLanguage;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An item as the editor saves it. {@code texts} holds one or both languages (at least one); a blank
 * {@code slug} is made from the first title. {@code categoryId} only for articles, {@code folderId}
 * only for documents (whose audiences are then their folder's). Empty {@code internalRoles}: every
 * employee reads an internal item.
 */
public record ItemDraft(
        ContentKind kind,
        String slug,
        UUID categoryId,
        UUID folderId,
        Set<Audience> audiences,
        Set<UUID> internalRoles,
        Instant publishAt,
        Instant expireAt,
        Map<ContentLanguage, TextDraft> texts) {}
