package com.nexo.crm.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How to convert a lead (at the version it was shown at): into an existing account ({@code accountId})
 * or a new one (null), with an existing contact of that account ({@code contactId}) or a new one
 * (null: made from the lead's person, if it names one), and with an opportunity when {@code
 * opportunityTitle} is given (its amount and expected close date; the default pipeline's first stage).
 */
public record ConversionRequest(
        UUID leadId,
        long version,
        UUID accountId,
        UUID contactId,
        String opportunityTitle,
        BigDecimal amount,
        LocalDate expectedClose) {

    public boolean withOpportunity() {
        return opportunityTitle != null && !opportunityTitle.isBlank();
    }
}
