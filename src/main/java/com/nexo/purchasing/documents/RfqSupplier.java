package com.nexo.purchasing.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A supplier an RFQ goes to, and where it stands: INVITED, SENT, ANSWERED, DECLINED or CHOSEN. */
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
        UUID orderId) {}
