package com.nexo.base.documents;

import java.math.BigDecimal;

/**
 * One line of a printed document, as the lines table shows it.
 *
 * @param code the article's code; null for a free-text line
 * @param description what is sold or bought (may span several lines of text)
 * @param quantity in the line's unit
 * @param quantityDecimals how many decimals the unit allows (0 for units, 3 for kilograms)
 * @param unit the unit's symbol ("ud", "kg"); null when none is printed
 * @param unitPrice before tax, in the document's currency
 * @param discountPercent 0 to 100; null or zero prints nothing
 * @param taxLabel the tax column's text ("21 %", "Exento")
 * @param net the line's net amount, as {@link DocumentTotals#lineNets()} has it
 */
public record PrintedLine(
        String code,
        String description,
        BigDecimal quantity,
        int quantityDecimals,
        String unit,
        BigDecimal unitPrice,
        BigDecimal discountPercent,
        String taxLabel,
        BigDecimal net) {

    /** Whether the line has a discount to print. */
    public boolean discounted() {
        return discountPercent != null && discountPercent.signum() != 0;
    }
}
