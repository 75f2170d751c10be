package com.nexo.base.documents;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the totals need of a document line: quantity, unit price before tax, the line's discount and
 * its tax rate. A return or a corrective line has a negative quantity.
 *
 * @param quantity in the line's unit, any scale
 * @param unitPrice before tax, in the document's currency, any scale
 * @param discountPercent 0 to 100 (null: none)
 * @param tax the line's VAT rate
 */
public record DocumentLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, TaxRate tax) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public DocumentLine {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(tax, "tax");
        discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("A discount is between 0 and 100 %: " + discountPercent);
        }
    }
}
