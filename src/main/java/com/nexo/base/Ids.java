package com.nexo.base;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): unique without a database round trip, and inserted in
 * roughly ascending order, so primary-key indexes stay compact at millions of rows.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** The id written in {@code text} (a route or query parameter), or empty when it is not one. */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
