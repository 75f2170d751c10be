package com.nexo.crm.quotes.ui;

import com.nexo.base.ui.RecordSection;
import com.nexo.crm.CrmPermissions;
import com.nexo.crm.quotes.OpportunityQuotes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.UUID;

/**
 * A quote's page names the opportunity it was made from, with its status and a link to it: the way
 * back from the quote to the opportunity whose amount it sets. Only on quotes made from an
 * opportunity the user sees.
 */
@org.springframework.stereotype.Component
class QuoteOpportunitySection implements RecordSection {

    private final OpportunityQuotes quotes;

    QuoteOpportunitySection(OpportunityQuotes quotes) {
        this.quotes = quotes;
    }

    @Override
    public String recordType() {
        return SALES_DOCUMENT;
    }

    @Override
    public String permission() {
        return CrmPermissions.READ;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String titleKey() {
        return "crm.quotes.opportunity-section";
    }

    @Override
    public boolean appliesTo(UUID documentId) {
        return quotes.opportunityOf(documentId).isPresent();
    }

    @Override
    public Component content(UUID documentId) {
        Div content = new Div();
        content.addClassName("crm-quote-opportunity");
        quotes.opportunityOf(documentId).ifPresent(opportunity -> {
            Anchor open = new Anchor("crm/opportunities/" + opportunity.id(), opportunity.title());
            open.addClassName("crm-open-opportunity");
            String statusText = switch (opportunity.status()) {
                case "WON" -> content.getTranslation("crm.quotes.opportunity-won");
                case "LOST" -> content.getTranslation("crm.quotes.opportunity-lost");
                default -> content.getTranslation("crm.quotes.opportunity-open");
            };
            Span status = new Span(statusText);
            status.addClassName("crm-quote-note");
            content.add(new Div(open), new Div(status));
        });
        return content;
    }
}
