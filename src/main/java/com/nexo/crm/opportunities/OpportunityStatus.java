package com.nexo.crm.opportunities;

/** Where an opportunity stands: still open on the board, won or lost (with a reason). */
public enum OpportunityStatus {
    OPEN,
    WON,
    LOST
}
