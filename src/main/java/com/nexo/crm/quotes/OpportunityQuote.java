package com.nexo.crm.quotes;

import com.nexo.sales.QuoteState;
import java.util.UUID;

/**
 * An opportunity's quote as its page shows it: the quote's id (null: none made yet), the quote as it
 * stands when the user may read sales documents (else null), and whether the user may make one now
 * (an open opportunity without a quote, permissions {@code crm.edit} and {@code sales.create}).
 */
public record OpportunityQuote(UUID opportunityId, UUID quoteId, QuoteState quote, boolean canCreate) {}
