package com.nexo.security.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * What outlives a node about one login: who it is (enough to load the user again through the login
 * path), which password it logged in with, and what an administrator sees of it. The id is the value
 * of the session cookie.
 *
 * @param passwordChangedAt when the password was set as the login saw it; null when never
 */
record SessionRecord(
        String id,
        UUID userId,
        UUID tenantId,
        String email,
        Instant passwordChangedAt,
        String node,
        Instant startedAt,
        Instant lastAccessAt,
        String clientAddress,
        String userAgent) {

    /** The same record as one more node serves it. */
    SessionRecord servedBy(String nodeName, Instant now) {
        return new SessionRecord(
                id, userId, tenantId, email, passwordChangedAt, nodeName, startedAt, now, clientAddress, userAgent);
    }
}
