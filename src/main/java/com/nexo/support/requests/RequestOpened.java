package com.nexo.support.requests;

import java.util.UUID;

/** A client opened a request (published inside the transaction that stored it). */
public record RequestOpened(UUID tenantId, UUID userId, UUID requestId, String subject, String openedByName) {}
