package com.nexo.cms.web;

import java.time.Instant;
import java.util.UUID;

/**
 * A rendered public page as the cache keeps it: its tenant and slug (to drop it when that item
 * changes; an index has no slug), the HTML, its ETag (a hash of the HTML) and when its content last
 * changed.
 */
record PublicPage(UUID tenantId, String slug, byte[] html, String etag, Instant lastModified) {}
