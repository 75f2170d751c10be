package com.nexo.crm.leads;

import java.util.UUID;

/** What the lead list shows: any of these left null means "any"; {@code text} searches names and e-mail. */
public record LeadFilter(LeadStatus status, UUID ownerId, LeadSource source, String text) {

    public static LeadFilter all() {
        return new LeadFilter(null, null, null, null);
    }
}
