package com.nexo.sales.documents;

import com.nexo.history.ChangeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a document's page shows, read in one transaction ({@link DocumentPageService#page}):
 * the document with its lines, the documents it was made from and made into (the whole chain, both
 * ways), the salesperson's and warehouse's names, what the user may do with it now, what has been
 * paid of an invoice, per order line how much waits for stock, and its change history.
 *
 * @param actions the steps the document's state allows and the user's permissions grant
 * @param paid what has been paid of an issued invoice (zero for other documents)
 * @param open what is still to be paid of an issued invoice (zero for other documents)
 * @param backOrdered per order line id, the quantity neither delivered nor reserved (only the lines
 *     of a confirmed order that wait for stock; empty when the user may not read reservations)
 */
public record DocumentPage(
        SalesDocument document,
        List<Related> related,
        String salespersonName,
        String warehouseName,
        String contactName,
        Set<DocumentAction> actions,
        BigDecimal paid,
        BigDecimal open,
        Map<UUID, BigDecimal> backOrdered,
        List<ChangeEntry> history) {

    public DocumentPage {
        related = List.copyOf(related);
        actions = Set.copyOf(actions);
        backOrdered = Map.copyOf(backOrdered);
        history = List.copyOf(history);
    }

    /** Whether the user may take {@code action} now. */
    public boolean allows(DocumentAction action) {
        return actions.contains(action);
    }

    /** A document of the same chain (quote, order, deliveries, invoices, correctives). */
    public record Related(
            UUID id,
            DocumentKind kind,
            DocumentStatus status,
            String number,
            LocalDate documentDate,
            BigDecimal total,
            String currency) {}
}
