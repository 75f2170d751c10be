package com.nexo.portal.invitations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The secret of an invitation link: the tenant's id (22 characters) followed by 256 random bits (43
 * characters), in URL-safe Base64. The tenant part lets the anonymous welcome page bind the right
 * tenant before it looks the invitation up, under row-level security, without a cross-tenant
 * function; the random part is what proves the link. Only {@link #hash()} is stored.
 */
record InvitationToken(UUID tenantId, String text) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int TENANT_CHARS = 22;
    private static final int SECRET_BYTES = 32;
    private static final int LENGTH = TENANT_CHARS + 43;

    /** A new token for an invitation of this tenant. */
    static InvitationToken create(UUID tenantId) {
        ByteBuffer tenant = ByteBuffer.allocate(16)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits());
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new InvitationToken(tenantId, ENCODER.encodeToString(tenant.array()) + ENCODER.encodeToString(secret));
    }

    /** The token a link carries; empty when it cannot be one (wrong length or alphabet). */
    static Optional<InvitationToken> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        try {
            ByteBuffer tenant = ByteBuffer.wrap(DECODER.decode(text.substring(0, TENANT_CHARS)));
            return Optional.of(new InvitationToken(new UUID(tenant.getLong(), tenant.getLong()), text));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** SHA-256 of the whole token: what the database keeps and looks up. */
    byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        // Never in a log: the token is a credential.
        return "InvitationToken[tenant=" + tenantId + "]";
    }
}
