package com.nexo.sales;

import java.util.UUID;

/**
 * A quote was accepted: made into an order in the back office, or accepted by its client in the
 * portal (also when the tenant does not make accepted quotes orders by itself). Published inside the
 * transaction that recorded it; it may come twice for one quote (the client accepts, the order is
 * made later), so listeners act once.
 */
public record QuoteAccepted(UUID tenantId, UUID quoteId) {}
