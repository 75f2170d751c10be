package com.nexo.support.requests;

import java.util.UUID;

/**
 * The back office answered a request (published inside the transaction that stored the answer).
 *
 * @param clientEmail where the client who opened it reads its mail
 * @param clientLanguage its language ({@code es} or {@code en})
 */
public record RequestAnswered(
        UUID tenantId,
        UUID userId,
        UUID requestId,
        String subject,
        String clientEmail,
        String clientLanguage,
        String answeredBy) {}
