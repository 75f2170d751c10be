package com.nexo.support.requests;

import com.nexo.support.Requester;
import java.util.UUID;

/** A portal actor opened a request (published inside the transaction that stored it). */
public record RequestOpened(
        UUID tenantId, UUID userId, UUID requestId, String subject, String openedByName, Requester requester) {}
