package com.nexo.support.requests;

import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import java.time.Instant;
import java.util.UUID;

/**
 * A request as a list shows it.
 *
 * @param partyId the client's account
 * @param unreadByClient an answer the client has not opened yet
 */
public record RequestRow(
        UUID id,
        String subject,
        RequestCategory category,
        RequestState state,
        UUID partyId,
        String openedByName,
        UUID assignedTo,
        boolean unreadByClient,
        Instant createdAt,
        Instant lastMessageAt) {}
