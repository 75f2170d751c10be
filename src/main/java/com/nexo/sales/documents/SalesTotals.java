package com.nexo.sales.documents;

import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.TaxRate;
import com.nexo.sales.TaxRegime;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The tax rate of a sales line and the totals of a sales document, through base's one rule
 * ({@link DocumentTotals}): the client's tax regime decides whether the lines' VAT applies (domestic,
 * with or without the equivalence surcharge) or every line is at 0 % (exempt, intra-EU, export).
 */
public final class SalesTotals {

    private SalesTotals() {}

    /** The rate of a line at {@code vatPercent} under {@code regime}. */
    public static TaxRate rate(BigDecimal vatPercent, TaxRegime regime) {
        if (!regime.chargesVat()) {
            return new TaxRate(regime.name(), BigDecimal.ZERO, BigDecimal.ZERO);
        }
        for (TaxRate known : List.of(TaxRate.GENERAL, TaxRate.REDUCED, TaxRate.SUPER_REDUCED, TaxRate.ZERO)) {
            if (known.vatPercent().compareTo(vatPercent) == 0) {
                return known;
            }
        }
        return new TaxRate("IVA" + vatPercent.stripTrailingZeros().toPlainString(), vatPercent, BigDecimal.ZERO);
    }

    /** The totals of these lines under the document's regime, discount, withholding and currency. */
    public static DocumentTotals of(
            List<LineForm> lines,
            TaxRegime regime,
            BigDecimal documentDiscount,
            BigDecimal withholdingPercent,
            String currency) {
        List<DocumentLine> amounts = lines.stream()
                .map(line -> new DocumentLine(
                        line.getQuantity(),
                        line.getUnitPrice(),
                        line.getDiscountPercent(),
                        rate(line.getVatPercent(), regime)))
                .toList();
        return DocumentTotals.of(
                amounts,
                Currency.getInstance(currency),
                documentDiscount,
                regime == TaxRegime.EQUIVALENCE_SURCHARGE,
                withholdingPercent);
    }

    /** The totals of a stored document. */
    public static DocumentTotals of(SalesDocument document) {
        return of(
                document.lines().stream().map(DocumentLineRow::toForm).toList(),
                document.taxRegime(),
                document.documentDiscount(),
                document.withholdingPercent(),
                document.currency());
    }
}
