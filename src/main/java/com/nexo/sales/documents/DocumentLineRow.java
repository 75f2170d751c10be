package com.nexo.sales.documents;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One stored line of a document. On an order line, {@code deliveredQuantity} and {@code
 * invoicedQuantity} say how much of it has been delivered and invoiced; on a delivery line,
 * {@code invoicedQuantity} how much has been invoiced; {@code reservationId} is the order line's open
 * stock reservation.
 */
public record DocumentLineRow(
        UUID id,
        int position,
        UUID articleId,
        String articleCode,
        String description,
        BigDecimal quantity,
        String unitCode,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        String taxCode,
        BigDecimal vatPercent,
        BigDecimal surchargePercent,
        BigDecimal netAmount,
        boolean stockTracked,
        UUID sourceLineId,
        BigDecimal deliveredQuantity,
        BigDecimal invoicedQuantity,
        UUID reservationId) {

    /** What is still to deliver of an order line. */
    public BigDecimal toDeliver() {
        return quantity.subtract(deliveredQuantity).max(BigDecimal.ZERO);
    }

    /** What is still to invoice of a line: all of it less what has been invoiced. */
    public BigDecimal toInvoice() {
        return quantity.subtract(invoicedQuantity).max(BigDecimal.ZERO);
    }

    /** The line as a form edits it (a copy carries no id). */
    LineForm toForm() {
        LineForm form = new LineForm();
        form.setId(id);
        form.setSourceLineId(sourceLineId);
        form.setArticleId(articleId);
        form.setArticleCode(articleCode);
        form.setDescription(description);
        form.setQuantity(quantity);
        form.setUnitCode(unitCode);
        form.setUnitPrice(unitPrice);
        form.setDiscountPercent(discountPercent);
        form.setVatPercent(vatPercent);
        form.setStockTracked(stockTracked);
        return form;
    }
}
