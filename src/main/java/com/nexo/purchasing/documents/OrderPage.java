package com.nexo.purchasing.documents;

import com.nexo.base.documents.DocumentTotals;
import java.util.List;

/**
 * What an order's page shows: the order with its lines (received and billed quantities on each), the
 * tax breakdown, the documents related to it through links (its RFQ, receipts, bills), and the steps
 * the order's state allows now (the screen still checks the user's permissions).
 */
public record OrderPage(
        PurchaseDocument order,
        List<DocumentTotals.TaxAmount> taxes,
        List<RelatedDocument> related,
        boolean approvalNeeded,
        List<Step> steps) {

    /** The flow steps of an order. */
    public enum Step {
        EDIT,
        DELETE,
        SUBMIT,
        APPROVE,
        SEND,
        CANCEL
    }
}
