package com.nexo.crm.leads;

import java.util.List;
import java.util.UUID;

/**
 * A record that looks like a lead, found when the lead was entered: another lead, an account or a
 * contact (with its account), and why ({@code SAME_EMAIL}, {@code SAME_PHONE}, {@code SAME_TAX_ID},
 * {@code SIMILAR_NAME}).
 */
public record LeadDuplicate(Kind kind, UUID id, UUID accountId, String name, String accountName, List<String> reasons) {

    public LeadDuplicate {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public enum Kind {
        LEAD,
        ACCOUNT,
        CONTACT
    }
}
