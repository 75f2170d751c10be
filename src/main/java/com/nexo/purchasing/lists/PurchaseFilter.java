package com.nexo.purchasing.lists;

import com.nexo.base.filters.SearchText;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseStatus;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What a purchasing list shows: documents of one {@code kind}, in {@code status} (null: any), dated
 * from {@code from} to {@code to} (inclusive), of a supplier ({@code supplierId}; for RFQs, one of the
 * suppliers it went to) and matching {@code text} (number, supplier name or the supplier's reference;
 * an RFQ's suppliers' names). Null parts do not filter.
 */
public record PurchaseFilter(
        PurchaseKind kind, PurchaseStatus status, LocalDate from, LocalDate to, UUID supplierId, String text) {

    public PurchaseFilter {
        Objects.requireNonNull(kind, "kind");
        text = SearchText.clean(text);
    }

    /** Every document of the list of {@code kind}. */
    public static PurchaseFilter all(PurchaseKind kind) {
        return new PurchaseFilter(kind, null, null, null, null, null);
    }

    public PurchaseFilter withText(String newText) {
        return new PurchaseFilter(kind, status, from, to, supplierId, newText);
    }

    public PurchaseFilter withStatus(PurchaseStatus newStatus) {
        return new PurchaseFilter(kind, newStatus, from, to, supplierId, text);
    }

    public PurchaseFilter withSupplier(UUID newSupplierId) {
        return new PurchaseFilter(kind, status, from, to, newSupplierId, text);
    }

    public PurchaseFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new PurchaseFilter(kind, status, newFrom, newTo, supplierId, text);
    }
}
