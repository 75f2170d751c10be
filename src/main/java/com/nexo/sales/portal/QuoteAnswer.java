package com.nexo.sales.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's answer to a quote, given once in the portal.
 *
 * @param accepted accepted (true) or rejected
 * @param signedName the name the client typed to sign the answer
 * @param comment the client's comment, or null
 * @param clientIp the address the answer came from, as the server saw it
 * @param answeredBy the portal user who answered
 * @param answeredAt when
 * @param orderId the order the accepted quote became, or null (not made, or not yet)
 */
public record QuoteAnswer(
        UUID quoteId,
        boolean accepted,
        String signedName,
        String comment,
        String clientIp,
        UUID answeredBy,
        Instant answeredAt,
        UUID orderId) {}
