package com.nexo.crm.leads;

/** Where a lead came from (the {@code crm_lead.source} check). */
public enum LeadSource {
    MANUAL,
    WEB,
    IMPORT,
    REFERRAL,
    EVENT,
    CAMPAIGN,
    OTHER
}
