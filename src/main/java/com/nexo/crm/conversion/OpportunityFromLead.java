package com.nexo.crm.conversion;

import com.nexo.crm.leads.LeadDetails;
import com.nexo.crm.leads.LeadRuleException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The opportunity a conversion creates, through the opportunities' service: in the tenant's default
 * pipeline, at its first stage, owned by the lead's owner, referring to the lead.
 */
@Component
class OpportunityFromLead {

    UUID create(LeadDetails lead, ConversionRequest request, UUID accountId, UUID contactId) {
        // Until the opportunities' service is merged, a conversion asking for one is refused.
        throw new LeadRuleException("crm.conversion.error.no-opportunities");
    }
}
