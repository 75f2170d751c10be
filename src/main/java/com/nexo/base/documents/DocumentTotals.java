package com.nexo.base.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The amounts of a document (quote, order, delivery note, invoice, and the purchasing ones), worked
 * out the one way every module prints and stores them.
 *
 * <p>The rule, in exact decimals, rounding half up to the currency's smallest unit (the cent for
 * euros; rounding to the nearest cent, a half cent up, as the euro's introduction set it):
 * <ol>
 *   <li>each line's net = quantity × unit price × (1 − line discount), rounded;
 *   <li>the document discount applies to each tax rate's sum of line nets, rounded per rate (so the
 *       taxable base of each rate is what the breakdown shows);
 *   <li>per rate, VAT = base × rate and, for a client under the equivalence surcharge scheme,
 *       surcharge = base × surcharge rate, each rounded once on the rate's base, not per line — the
 *       invoice shows base, rate and amount per rate, and the amount is the base times the rate;
 *   <li>withholding (IRPF, on invoices of professionals) = sum of the bases × its percentage, rounded;
 *   <li>total = bases + VAT + surcharge − withholding.
 * </ol>
 * Worked example (DocumentTotalsTest): 3 × 19.99 at 21 % and 1 × 7.35 at 10 %, 5 % document
 * discount: bases 56.97 and 6.98, VAT 11.96 and 0.70, total 76.61.
 *
 * @param lineNets each line's net amount, in the order of the lines
 * @param breakdown per tax rate, in order of first appearance
 * @param base the sum of the taxable bases
 * @param vat the sum of the VAT amounts
 * @param surcharge the sum of the equivalence surcharges (zero when the scheme does not apply)
 * @param withholding the IRPF withheld (zero when none)
 * @param total what the client pays
 */
public record DocumentTotals(
        List<BigDecimal> lineNets,
        List<TaxAmount> breakdown,
        BigDecimal base,
        BigDecimal vat,
        BigDecimal surcharge,
        BigDecimal withholding,
        BigDecimal total) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** One line of the tax breakdown: a rate, its taxable base and the amounts on it. */
    public record TaxAmount(TaxRate rate, BigDecimal base, BigDecimal vat, BigDecimal surcharge) {}

    /**
     * The totals of {@code lines} in {@code currency}, with a document discount (null: none), the
     * equivalence surcharge or not, and a withholding percentage (null: none).
     */
    public static DocumentTotals of(
            List<DocumentLine> lines,
            Currency currency,
            BigDecimal documentDiscountPercent,
            boolean equivalenceSurcharge,
            BigDecimal withholdingPercent) {
        int scale = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal documentDiscount = documentDiscountPercent == null ? BigDecimal.ZERO : documentDiscountPercent;
        if (documentDiscount.signum() < 0 || documentDiscount.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("A discount is between 0 and 100 %: " + documentDiscount);
        }
        List<BigDecimal> nets = new ArrayList<>();
        Map<TaxRate, BigDecimal> netsByRate = new LinkedHashMap<>();
        for (DocumentLine line : lines) {
            BigDecimal net = round(
                    line.quantity().multiply(line.unitPrice()).multiply(remaining(line.discountPercent())), scale);
            nets.add(net);
            netsByRate.merge(line.tax(), net, BigDecimal::add);
        }
        List<TaxAmount> breakdown = new ArrayList<>();
        BigDecimal base = zero(scale);
        BigDecimal vat = zero(scale);
        BigDecimal surcharge = zero(scale);
        for (Map.Entry<TaxRate, BigDecimal> rate : netsByRate.entrySet()) {
            BigDecimal rateBase = round(rate.getValue().multiply(remaining(documentDiscount)), scale);
            BigDecimal rateVat = percent(rateBase, rate.getKey().vatPercent(), scale);
            BigDecimal rateSurcharge =
                    equivalenceSurcharge ? percent(rateBase, rate.getKey().surchargePercent(), scale) : zero(scale);
            breakdown.add(new TaxAmount(rate.getKey(), rateBase, rateVat, rateSurcharge));
            base = base.add(rateBase);
            vat = vat.add(rateVat);
            surcharge = surcharge.add(rateSurcharge);
        }
        BigDecimal withholding = withholdingPercent == null ? zero(scale) : percent(base, withholdingPercent, scale);
        BigDecimal total = base.add(vat).add(surcharge).subtract(withholding);
        return new DocumentTotals(List.copyOf(nets), List.copyOf(breakdown), base, vat, surcharge, withholding, total);
    }

    private static BigDecimal remaining(BigDecimal discountPercent) {
        return BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
    }

    private static BigDecimal percent(BigDecimal amount, BigDecimal percent, int scale) {
        return round(amount.multiply(percent).movePointLeft(2), scale);
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }
}
