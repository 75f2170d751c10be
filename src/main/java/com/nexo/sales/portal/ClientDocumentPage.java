package com.nexo.sales.portal;

import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client's own document as its portal page shows it, read in one transaction under the client's
 * role: the document with its lines, the documents of its chain the client may see (the quote's
 * order, the order's delivery notes and invoices), what has been paid and is still due of an issued
 * invoice, the client's answer to a quote and whether the quote can still be answered.
 */
public record ClientDocumentPage(
        SalesDocument document,
        List<Related> related,
        BigDecimal paid,
        BigDecimal open,
        QuoteAnswer answer,
        boolean answerable,
        boolean expired) {

    public ClientDocumentPage {
        related = List.copyOf(related);
    }

    /** A document of the same chain. */
    public record Related(UUID id, DocumentKind kind, DocumentStatus status, String number, LocalDate date) {}
}
