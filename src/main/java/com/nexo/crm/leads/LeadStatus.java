package com.nexo.crm.leads;

/** Where a lead stands: not looked at, being qualified, converted, or dropped. */
public enum LeadStatus {
    NEW,
    WORKING,
    CONVERTED,
    DISQUALIFIED;

    /** Whether the lead may still be edited, qualified or converted. */
    public boolean open() {
        return this == NEW || this == WORKING;
    }
}
