package com.nexo.support.requests;

import java.util.UUID;

/**
 * The back office answered a request (published inside the transaction that stored the answer).
 *
 * @param requesterEmail where the portal actor who opened it reads its mail
 * @param requesterLanguage its language ({@code es} or {@code en})
 */
public record RequestAnswered(
        UUID tenantId,
        UUID userId,
        UUID requestId,
        String subject,
        String requesterEmail,
        String requesterLanguage,
        String answeredBy) {}
