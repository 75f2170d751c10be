package com.nexo.crm.opportunities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An opportunity as a board card or a list row shows it, with its account's and owner's names. */
public record OpportunityRow(
        UUID id,
        String title,
        UUID accountId,
        String accountName,
        BigDecimal amount,
        String currency,
        int probability,
        LocalDate expectedClose,
        UUID ownerId,
        String ownerName,
        UUID pipelineId,
        UUID stageId,
        OpportunityStatus status,
        long version) {

    /** The same row with the names looked up for its page. */
    public OpportunityRow withNames(String account, String owner) {
        return new OpportunityRow(
                id,
                title,
                accountId,
                account,
                amount,
                currency,
                probability,
                expectedClose,
                ownerId,
                owner,
                pipelineId,
                stageId,
                status,
                version);
    }
}
