package com.nexo.crm.quotes;

import com.nexo.crm.opportunities.OpportunityService;
import com.nexo.sales.QuoteAccepted;
import com.nexo.sales.QuoteTotalChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a quote does to the opportunity it was made from, in the sales transaction that changed the
 * quote: its amount (and currency) follow the quote's net total; accepting the quote wins the
 * opportunity when it is still open and the tenant's setting says so ({@code crm_quote_settings}, on
 * by default). Both go through {@link OpportunityService}, so a won opportunity is the same whoever
 * won it; each keeps the row's version and {@code updated_at} right, so an opportunity form open
 * meanwhile is told that it changed.
 */
@Component
class QuoteFollower {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteFollower.class);

    private final OpportunityService opportunities;

    QuoteFollower(OpportunityService opportunities) {
        this.opportunities = opportunities;
    }

    @EventListener
    void totalChanged(QuoteTotalChanged event) {
        if (opportunities.followQuoteTotal(event.quoteId(), event.net(), event.currency())) {
            LOG.debug("Opportunity of quote {} now amounts to {} {}", event.quoteId(), event.net(), event.currency());
        }
    }

    @EventListener
    void accepted(QuoteAccepted event) {
        if (opportunities.winByQuote(event.quoteId())) {
            LOG.info("Opportunity of quote {} won: the quote was accepted", event.quoteId());
        }
    }
}
