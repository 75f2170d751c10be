package com.nexo.crm.opportunities;

import java.util.UUID;

/**
 * An open opportunity moved from one stage to another (on the board or in its form), published inside
 * the transaction that moved it. Stage rules listen to it (create an activity, notify the owner).
 * {@code fromStageId} is null when the opportunity was just created in {@code toStageId}.
 */
public record OpportunityStageChanged(
        UUID tenantId,
        UUID opportunityId,
        UUID pipelineId,
        UUID fromStageId,
        UUID toStageId,
        UUID ownerId,
        UUID movedBy) {}
