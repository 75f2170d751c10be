package com.nexo.purchasing.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answers to an RFQ side by side: one row per RFQ line with each answering supplier's offer (the
 * cheapest flagged, by net unit price, ties to the earlier delivery), and per supplier the total of
 * its offers before tax.
 *
 * @param suppliers the suppliers the RFQ went to, in the RFQ's order (columns)
 * @param rows one per RFQ line, in position order
 * @param totals per supplier id, the sum of its offers' nets (suppliers without answers: absent)
 * @param today the day the comparison was made, against which answers' validity is judged
 */
public record RfqComparison(
        UUID rfqId, List<RfqSupplier> suppliers, List<Row> rows, Map<UUID, SupplierTotal> totals, LocalDate today) {

    /** Whether the supplier's answer is past its validity (it can no longer be chosen). */
    public boolean expired(RfqSupplier supplier) {
        return !supplier.declined() && supplier.expiredOn(today);
    }

    /** Whether every supplier has answered or declined: nothing more is awaited. */
    public boolean allReplied() {
        return !suppliers.isEmpty() && suppliers.stream().allMatch(RfqSupplier::replied);
    }

    /** An RFQ line and the offers for it, by supplier id. */
    public record Row(PurchaseLine line, Map<UUID, Offer> offers, UUID cheapestSupplierId) {}

    /** One supplier's answer to one line, with its net (quantity × price × (1 − discount), rounded). */
    public record Offer(
            UUID supplierId,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal quantity,
            LocalDate deliveryDate,
            BigDecimal net,
            boolean cheapest) {}

    /** A supplier's total: the sum of its offers' nets and how many lines it answered. */
    public record SupplierTotal(UUID supplierId, BigDecimal net, int linesAnswered, boolean answeredAll) {}
}
