package com.nexo.purchasing.lists;

import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a purchasing list. {@code number} is null for drafts (and orders waiting for
 * approval); {@code supplierName} is an RFQ's suppliers' names joined ("A, B") as an RFQ has no one
 * supplier; {@code expectedDate} is an RFQ's answers-by, an order's delivery date, a bill's due date
 * (null for receipts); {@code receivedPercent} is how much of an order's quantities was received,
 * 0 to 100 (null for other kinds and for orders without lines).
 */
public record PurchaseRow(
        UUID id,
        PurchaseKind kind,
        String number,
        PurchaseStatus status,
        LocalDate date,
        UUID supplierId,
        String supplierName,
        String supplierReference,
        LocalDate expectedDate,
        BigDecimal total,
        String currency,
        BigDecimal receivedPercent) {}
