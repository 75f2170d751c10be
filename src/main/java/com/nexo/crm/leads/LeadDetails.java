package com.nexo.crm.leads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One lead as its page shows it, with the owner's name and the duplicates found. */
public record LeadDetails(
        UUID id,
        String personName,
        String companyName,
        String email,
        String phone,
        String taxId,
        LeadSource source,
        String sourceDetail,
        String interest,
        String region,
        List<String> tags,
        UUID ownerId,
        String ownerName,
        UUID teamId,
        LeadStatus status,
        String disqualifiedReason,
        Instant convertedAt,
        UUID convertedAccountId,
        UUID convertedContactId,
        UUID convertedOpportunityId,
        Instant createdAt,
        long version,
        List<LeadDuplicate> duplicates) {

    public String title() {
        return title(personName, companyName);
    }

    static String title(String person, String company) {
        if (person != null && company != null) {
            return person + " · " + company;
        }
        return person != null ? person : company;
    }

    /** The lead's editable values, at this version. */
    public LeadForm toForm() {
        LeadForm form = new LeadForm();
        form.setId(id);
        form.setVersion(version);
        form.setPersonName(personName);
        form.setCompanyName(companyName);
        form.setEmail(email);
        form.setPhone(phone);
        form.setTaxId(taxId);
        form.setSource(source);
        form.setSourceDetail(sourceDetail);
        form.setInterest(interest);
        form.setRegion(region);
        form.setTags(String.join(", ", tags));
        form.setOwnerId(ownerId);
        form.setTeamId(teamId);
        return form;
    }
}
