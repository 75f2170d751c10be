package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A document linked to another (the RFQ an order came from, its receipts and bills). */
public record RelatedDocument(
        UUID id, PurchaseKind kind, PurchaseStatus status, String number, LocalDate documentDate, BigDecimal total) {}
