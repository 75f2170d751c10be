package com.nexo.crm.conversion;

import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadRuleException;
import com.nexo.crm.opportunities.OpportunityForm;
import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.crm.pipelines.PipelineRow;
import com.nexo.crm.pipelines.PipelineService;
import com.nexo.crm.pipelines.StageRow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The opportunity a conversion creates, through the opportunities' service: in the tenant's default
 * pipeline (else its first active one), at its first active stage, owned by the lead's owner,
 * referring to the lead; without a date it is expected to close in 30 days.
 */
@Component
class OpportunityFromLead {

    private final OpportunityService opportunities;
    private final PipelineService pipelines;
    private final Clock clock;

    OpportunityFromLead(OpportunityService opportunities, PipelineService pipelines) {
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.clock = Clock.systemDefaultZone();
    }

    UUID create(LeadDetails lead, ConversionRequest request, UUID accountId, UUID contactId) {
        PipelineRow pipeline = pipelines
                .defaultPipeline()
                .or(() -> pipelines.activePipelines().stream().findFirst())
                .orElseThrow(() -> new LeadRuleException("crm.conversion.error.no-pipeline"));
        List<StageRow> stages = pipelines.activeStages(pipeline.id());
        if (stages.isEmpty()) {
            throw new LeadRuleException("crm.conversion.error.no-pipeline");
        }
        return opportunities.create(new OpportunityForm(
                request.opportunityTitle().strip(),
                pipeline.id(),
                stages.getFirst().id(),
                accountId,
                contactId,
                request.amount() == null ? BigDecimal.ZERO : request.amount(),
                null,
                null,
                request.expectedClose() == null ? LocalDate.now(clock).plusDays(30) : request.expectedClose(),
                lead.ownerId(),
                lead.interest(),
                lead.id()));
    }
}
