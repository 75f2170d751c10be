package com.nexo.crm.opportunities;

import java.time.Instant;
import java.util.UUID;

/** An opportunity as its page shows it: its form, where it stands and the names of what it refers to. */
public record OpportunityDetails(
        UUID id,
        long version,
        OpportunityForm form,
        OpportunityStatus status,
        Instant closedAt,
        UUID lostReasonId,
        String lostReasonName,
        String lostNote,
        String accountName,
        String ownerName,
        UUID quoteId,
        Instant stageEnteredAt) {}
