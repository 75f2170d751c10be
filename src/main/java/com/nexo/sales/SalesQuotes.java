package com.nexo.sales;

import java.util.Optional;
import java.util.UUID;

/**
 * Quotes made from other modules (the CRM makes one from an opportunity): a new draft quote for a
 * client, made by the sales module's own draft service with its rules (the client's currency, terms
 * and salesperson, the validity), and what a quote looks like now. While the quote is a draft its
 * totals change as its lines are edited ({@link QuoteTotalChanged}); once accepted, by the back office
 * or by the client in the portal, {@link QuoteAccepted} is published.
 */
public interface SalesQuotes {

    /**
     * A new draft quote, without lines, for the client {@code accountId} (its contact {@code contactId},
     * or the primary one when null), with {@code reference} as the client's reference (cut to 60
     * characters). Needs {@code sales.create}; refused ({@link SalesRuleException}) when the account is
     * not a client. Returns the quote's id.
     */
    UUID createQuote(UUID accountId, UUID contactId, String reference);

    /** The quote as it stands (empty when there is none with this id). Needs {@code sales.read}. */
    Optional<QuoteState> quote(UUID quoteId);
}
