package com.nexo.sales.documents;

/**
 * What happens to an invoice's record when it is issued or cancelled, inside the issuing (or
 * cancelling) transaction: the invoice records' chain (package {@code verifactu}) implements it.
 */
public interface InvoiceRecords {

    /** The invoice (or corrective invoice) has just been issued: numbered, dated, frozen. */
    void issued(SalesDocument invoice);

    /** The issued invoice has just been cancelled. */
    void cancelled(SalesDocument invoice);
}
