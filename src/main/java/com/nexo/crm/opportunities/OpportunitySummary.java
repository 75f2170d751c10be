package com.nexo.crm.opportunities;

import java.math.BigDecimal;
import java.util.UUID;

/** What other parts of the CRM (conversion, activities, quotes) need to know about an opportunity. */
public record OpportunitySummary(
        UUID id,
        String title,
        UUID accountId,
        BigDecimal amount,
        String currency,
        OpportunityStatus status,
        UUID ownerId,
        UUID stageId,
        UUID pipelineId,
        UUID quoteId,
        long version) {}
