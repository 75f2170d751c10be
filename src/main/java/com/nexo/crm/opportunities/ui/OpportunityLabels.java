package com.nexo.crm.opportunities.ui;

import com.nexo.crm.opportunities.OpportunityStatus;
import com.vaadin.flow.component.Component;

/** Translated names of what opportunities carry. */
public final class OpportunityLabels {

    private OpportunityLabels() {}

    public static String status(Component context, OpportunityStatus status) {
        return switch (status) {
            case OPEN -> context.getTranslation("crm.opportunity.status.open");
            case WON -> context.getTranslation("crm.opportunity.status.won");
            case LOST -> context.getTranslation("crm.opportunity.status.lost");
        };
    }
}
