package com.nexo.crm.opportunities;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An opportunity as it is created or edited: what the form shows and the service saves.
 *
 * @param probability in percent; null takes the stage's default probability
 * @param currency ISO 4217 code; null means EUR
 * @param ownerId null means the user who saves it (on creation)
 * @param leadId the lead it was converted from, if any (set on creation only)
 */
public record OpportunityForm(
        @NotBlank(message = "{crm.opportunity.validation.title-required}")
        @Size(max = 200, message = "{crm.opportunity.validation.too-long}")
        String title,

        @NotNull(message = "{crm.opportunity.validation.required}")
        UUID pipelineId,

        @NotNull(message = "{crm.opportunity.validation.required}")
        UUID stageId,

        @NotNull(message = "{crm.opportunity.validation.account-required}")
        UUID accountId,

        UUID contactId,

        @NotNull(message = "{crm.opportunity.validation.required}")
        @DecimalMin(value = "0", message = "{crm.opportunity.validation.amount}")
        @Digits(integer = 12, fraction = 2, message = "{crm.opportunity.validation.amount}")
        BigDecimal amount,

        @Pattern(regexp = "[A-Z]{3}", message = "{crm.opportunity.validation.currency}")
        String currency,

        @Min(value = 0, message = "{crm.opportunity.validation.probability}")
        @Max(value = 100, message = "{crm.opportunity.validation.probability}")
        Integer probability,

        @NotNull(message = "{crm.opportunity.validation.close-required}")
        LocalDate expectedClose,

        UUID ownerId,

        @Size(max = 4000, message = "{crm.opportunity.validation.too-long}")
        String description,

        UUID leadId) {

    /** An empty form in a pipeline's stage: no amount, closing in a month, owned by whoever saves it. */
    public static OpportunityForm blank(UUID pipelineId, UUID stageId, LocalDate today) {
        return new OpportunityForm(
                null,
                pipelineId,
                stageId,
                null,
                null,
                BigDecimal.ZERO,
                "EUR",
                null,
                today.plusMonths(1),
                null,
                null,
                null);
    }
}
