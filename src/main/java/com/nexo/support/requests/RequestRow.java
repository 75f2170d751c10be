package com.nexo.support.requests;

import com.nexo.support.RequestCategory;
import com.nexo.support.RequestState;
import com.nexo.support.Requester;
import java.time.Instant;
import java.util.UUID;

/**
 * A request as a list shows it.
 *
 * @param partyId the requester's account
 * @param requester the portal it was opened from
 * @param unreadByClient an answer the requester has not opened yet
 */
public record RequestRow(
        UUID id,
        String subject,
        RequestCategory category,
        RequestState state,
        UUID partyId,
        Requester requester,
        String openedByName,
        UUID assignedTo,
        boolean unreadByClient,
        Instant createdAt,
        Instant lastMessageAt) {}
