package com.nexo.crm.opportunities;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the board and the list show: a pipeline (null: every pipeline, the list only), one owner,
 * expected close between two dates (inclusive), a status (null: any; the board always shows open
 * ones) and a search over the title and the account's name. Null parts do not filter.
 */
public record OpportunityFilter(
        UUID pipelineId, UUID ownerId, LocalDate closeFrom, LocalDate closeTo, OpportunityStatus status, String text) {

    public OpportunityFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** The open opportunities of one pipeline, nothing else filtered. */
    public static OpportunityFilter pipeline(UUID pipelineId) {
        return new OpportunityFilter(pipelineId, null, null, null, OpportunityStatus.OPEN, null);
    }

    public OpportunityFilter withPipeline(UUID pipeline) {
        return new OpportunityFilter(pipeline, ownerId, closeFrom, closeTo, status, text);
    }
}
