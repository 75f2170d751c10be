package com.nexo.purchasing.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the supplier portal shows: a supplier's own RFQs and orders, as records for its views. */
public final class SupplierPortal {

    private SupplierPortal() {}

    /** An RFQ in the supplier's list: its number, dates and where the supplier's invitation stands. */
    public record RfqRow(
            UUID id, String number, LocalDate documentDate, LocalDate answerBy, boolean open, String invitation) {}

    /** A line of an RFQ with the supplier's answer to it, if it gave one. */
    public record RfqLine(
            UUID id,
            int position,
            String supplierCode,
            String description,
            BigDecimal quantity,
            String unitCode,
            BigDecimal answerPrice,
            BigDecimal answerDiscount,
            BigDecimal answerQuantity,
            LocalDate answerDate) {

        public boolean answered() {
            return answerPrice != null;
        }
    }

    /**
     * An RFQ as the supplier sees it. {@code open}: the RFQ is sent and the supplier may (still)
     * answer, decline or withdraw its decline; {@code version}: of its invitation, named by an answer
     * (or a decline, or its withdrawal) that replaces what was there; {@code declineReason}: what the
     * supplier gave when it declined, if anything.
     */
    public record Rfq(
            UUID id,
            String number,
            LocalDate documentDate,
            LocalDate answerBy,
            String notes,
            boolean open,
            String invitation,
            String reference,
            LocalDate validUntil,
            long version,
            String declineReason,
            List<RfqLine> lines) {

        /** Whether the supplier declined to quote (and has not withdrawn that): it cannot answer then. */
        public boolean declined() {
            return "DECLINED".equals(invitation);
        }

        /** Whether the supplier may send an answer now (open, and not declined). */
        public boolean answerable() {
            return open && !declined();
        }
    }

    /** The supplier's answer to one line. */
    public record AnswerInput(UUID lineId, BigDecimal unitPrice, BigDecimal quantity, LocalDate deliveryDate) {}

    /** An order in the supplier's list, with where its response stands (null: none yet). */
    public record OrderRow(
            UUID id,
            String number,
            LocalDate documentDate,
            LocalDate expectedDate,
            String status,
            String currency,
            BigDecimal total,
            String response) {}

    /** A line of an order, with the supplier's proposal for it, if any. */
    public record OrderLine(
            UUID id,
            int position,
            String supplierCode,
            String description,
            BigDecimal quantity,
            String unitCode,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal netAmount,
            BigDecimal receivedQuantity,
            LocalDate deliveryDate,
            BigDecimal proposedQuantity,
            LocalDate proposedDate) {}

    /** A supplier's response to an order: CONFIRMED, PROPOSED, ACCEPTED or REJECTED. */
    public record Response(
            UUID id, String status, String comment, Instant respondedAt, Instant decidedAt, long version) {

        public boolean awaitsBuyer() {
            return "PROPOSED".equals(status);
        }

        /** Whether the supplier may still change it (a proposal, or one the buyer rejected). */
        public boolean changeable() {
            return "PROPOSED".equals(status) || "REJECTED".equals(status);
        }
    }

    /**
     * A file tied to an order: a delivery note or a bill. {@code mine}: the signed-in user uploaded it,
     * so it may delete it.
     */
    public record OrderFile(
            UUID id,
            UUID fileId,
            String kind,
            String name,
            String contentType,
            long size,
            Instant uploadedAt,
            boolean mine) {}

    /** Kinds of file a supplier ties to an order. */
    public enum FileKind {
        DELIVERY_NOTE,
        BILL
    }

    /** An order as the supplier sees it (or the buyer, on the order's page: the response and the files). */
    public record Order(
            UUID id,
            String number,
            LocalDate documentDate,
            LocalDate expectedDate,
            String status,
            String currency,
            BigDecimal base,
            BigDecimal vat,
            BigDecimal total,
            String notes,
            Response response,
            List<OrderLine> lines,
            List<OrderFile> files) {

        /** Whether the supplier may confirm it or propose changes now. */
        public boolean respondable() {
            return "SENT".equals(status) && (response == null || response.changeable());
        }
    }

    /** A line of a proposal: the quantity and delivery date the supplier offers for one order line. */
    public record ProposalInput(UUID lineId, BigDecimal quantity, LocalDate deliveryDate) {}
}
