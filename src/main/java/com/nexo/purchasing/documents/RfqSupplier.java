package com.nexo.purchasing.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A supplier an RFQ goes to, and where it stands: INVITED, SENT, ANSWERED, DECLINED or CHOSEN.
 * {@code answeredAt} is when it answered or declined; {@code declineReason} the reason it gave for
 * declining (null: none given, or not declined).
 */
public record RfqSupplier(
        UUID supplierId,
        String supplierName,
        String supplierEmail,
        String language,
        String status,
        Instant sentAt,
        Instant answeredAt,
        String supplierReference,
        LocalDate validUntil,
        UUID orderId,
        String declineReason) {

    public static final String DECLINED = "DECLINED";

    /** Whether it declined to quote. */
    public boolean declined() {
        return DECLINED.equals(status);
    }

    /** Whether it has replied: answered, declined, or its answer was chosen. */
    public boolean replied() {
        return "ANSWERED".equals(status) || "CHOSEN".equals(status) || declined();
    }

    /** Whether its answer is past its validity on {@code day} (an answer without one never is). */
    public boolean expiredOn(LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }
}
