package com.nexo.purchasing.receiving;

import com.nexo.purchasing.documents.PurchaseStatus;
import java.util.List;
import java.util.UUID;

/** An order as the receive screen opens it: its number, supplier, state, warehouse and lines. */
public record ReceivingOrder(
        UUID id, String number, String supplierName, PurchaseStatus status, UUID warehouseId, List<OpenLine> lines) {

    /** Whether receipts may be posted against it now. */
    public boolean receivable() {
        return ReceiptService.RECEIVABLE.contains(status);
    }
}
