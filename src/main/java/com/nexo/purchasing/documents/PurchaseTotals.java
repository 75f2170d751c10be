package com.nexo.purchasing.documents;

import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.TaxRate;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The totals of a purchasing document through base's one rule ({@link DocumentTotals}): each line's
 * VAT percentage is its rate; purchasing has no equivalence surcharge, no withholding and no
 * document discount.
 */
public final class PurchaseTotals {

    private PurchaseTotals() {}

    /** The rate of a line at {@code vatPercent} ("IVA21" for 21 %). */
    public static TaxRate rate(BigDecimal vatPercent) {
        return new TaxRate("IVA" + vatPercent.stripTrailingZeros().toPlainString(), vatPercent, BigDecimal.ZERO);
    }

    /** The totals of lines given as (quantity, unit price, discount, VAT percentage). */
    public static DocumentTotals of(List<DocumentLine> lines, String currency) {
        return DocumentTotals.of(lines, Currency.getInstance(currency == null ? "EUR" : currency), null, false, null);
    }

    /** The totals of a stored document's lines. */
    public static DocumentTotals of(PurchaseDocument document) {
        return of(
                document.lines().stream()
                        .map(line -> new DocumentLine(
                                line.quantity(), line.unitPrice(), line.discountPercent(), rate(line.vatPercent())))
                        .toList(),
                document.currency());
    }

    static DocumentTotals ofValues(List<LineValues> lines, String currency) {
        return of(
                lines.stream()
                        .map(line -> new DocumentLine(
                                line.quantity(), line.unitPrice(), line.discountPercent(), rate(line.vatPercent())))
                        .toList(),
                currency);
    }
}
