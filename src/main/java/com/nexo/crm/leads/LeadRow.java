package com.nexo.crm.leads;

import java.time.Instant;
import java.util.UUID;

/** A lead as its list shows it. */
public record LeadRow(
        UUID id,
        String personName,
        String companyName,
        String email,
        LeadSource source,
        LeadStatus status,
        UUID ownerId,
        Instant createdAt,
        int duplicates) {

    /** The person and/or company, as one title. */
    public String title() {
        return LeadDetails.title(personName, companyName);
    }
}
