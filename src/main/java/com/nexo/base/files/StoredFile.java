package com.nexo.base.files;

import java.time.Instant;
import java.util.UUID;

/**
 * What is known of a stored file without reading its bytes. {@code createdBy}: the user who stored
 * it (null for system work), who alone may delete it from a portal.
 */
public record StoredFile(
        UUID id,
        String name,
        String contentType,
        long size,
        String sha256,
        String purpose,
        Instant createdAt,
        UUID createdBy) {

    /** Whether {@code userId} stored it. */
    public boolean storedBy(UUID userId) {
        return createdBy != null && createdBy.equals(userId);
    }
}
