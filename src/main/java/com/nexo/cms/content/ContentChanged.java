package com.nexo.cms.content;

import java.util.UUID;

/**
 * Published after commit whenever what readers of an item see may have changed: saved, published,
 * unpublished, restored, deleted, or published or expired by the schedule. The public pages' cache
 * drops the item's entries on it ({@code slug} as it was before and after, when it changed).
 */
public record ContentChanged(UUID tenantId, UUID itemId, String slug, String previousSlug) {}
