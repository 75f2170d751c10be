package com.nexo.base.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.base.documents.DocumentTotals.TaxAmount;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for a document's amounts (see {@link DocumentTotals}), on worked examples. */
class DocumentTotalsTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void the_worked_example_two_rates_and_a_document_discount() {
        DocumentTotals totals = DocumentTotals.of(
                List.of(line("3", "19.99", null, TaxRate.GENERAL), line("1", "7.35", null, TaxRate.REDUCED)),
                EUR,
                new BigDecimal("5"),
                false,
                null);

        assertThat(totals.lineNets()).containsExactly(amount("59.97"), amount("7.35"));
        assertThat(totals.breakdown())
                .containsExactly(
                        new TaxAmount(TaxRate.GENERAL, amount("56.97"), amount("11.96"), amount("0.00")),
                        new TaxAmount(TaxRate.REDUCED, amount("6.98"), amount("0.70"), amount("0.00")));
        assertThat(totals.base()).isEqualTo(amount("63.95"));
        assertThat(totals.vat()).isEqualTo(amount("12.66"));
        assertThat(totals.total()).isEqualTo(amount("76.61"));
    }

    @Test
    void vat_is_rounded_once_per_rate_on_its_base_not_per_line() {
        // Seven lines of 0.10 at 21 %: rounded per line, 0.021 → 0.02 each, 0.14 in all; on the rate's
        // base, 0.70 × 21 % = 0.147 → 0.15, which is what the invoice's breakdown must show.
        List<DocumentLine> seven = Collections.nCopies(7, line("1", "0.10", null, TaxRate.GENERAL));
        DocumentTotals totals = DocumentTotals.of(seven, EUR, null, false, null);

        assertThat(totals.base()).isEqualTo(amount("0.70"));
        assertThat(totals.vat()).isEqualTo(amount("0.15"));
        assertThat(totals.total()).isEqualTo(amount("0.85"));
    }

    @Test
    void a_client_under_the_equivalence_surcharge_pays_it_on_each_rate() {
        DocumentTotals totals = DocumentTotals.of(
                List.of(line("4", "25", null, TaxRate.GENERAL), line("10", "3", "10", TaxRate.SUPER_REDUCED)),
                EUR,
                null,
                true,
                null);

        assertThat(totals.breakdown())
                .containsExactly(
                        new TaxAmount(TaxRate.GENERAL, amount("100.00"), amount("21.00"), amount("5.20")),
                        new TaxAmount(TaxRate.SUPER_REDUCED, amount("27.00"), amount("1.08"), amount("0.14")));
        assertThat(totals.surcharge()).isEqualTo(amount("5.34"));
        assertThat(totals.total()).isEqualTo(amount("154.42"));
    }

    @Test
    void a_professionals_invoice_withholds_income_tax_from_the_total() {
        DocumentTotals totals = DocumentTotals.of(
                List.of(line("8", "125", null, TaxRate.GENERAL)), EUR, null, false, new BigDecimal("15"));

        assertThat(totals.base()).isEqualTo(amount("1000.00"));
        assertThat(totals.vat()).isEqualTo(amount("210.00"));
        assertThat(totals.withholding()).isEqualTo(amount("150.00"));
        assertThat(totals.total()).isEqualTo(amount("1060.00"));
    }

    @Test
    void half_a_cent_rounds_away_from_zero_for_charges_and_for_corrections_alike() {
        assertThat(DocumentTotals.of(List.of(line("1", "0.125", null, TaxRate.ZERO)), EUR, null, false, null)
                        .total())
                .isEqualTo(amount("0.13"));
        assertThat(DocumentTotals.of(List.of(line("-1", "10.005", null, TaxRate.ZERO)), EUR, null, false, null)
                        .total())
                .isEqualTo(amount("-10.01"));
    }

    @Test
    void amounts_round_to_the_documents_currency() {
        DocumentTotals yen = DocumentTotals.of(
                List.of(line("3", "333.5", null, TaxRate.ZERO)), Currency.getInstance("JPY"), null, false, null);

        assertThat(yen.total()).isEqualTo(new BigDecimal("1001"));
    }

    @Test
    void a_discount_outside_zero_to_a_hundred_percent_is_refused() {
        assertThatThrownBy(() -> line("1", "10", "120", TaxRate.GENERAL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentTotals.of(List.of(), EUR, new BigDecimal("-1"), false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DocumentLine line(String quantity, String price, String discount, TaxRate tax) {
        return new DocumentLine(
                new BigDecimal(quantity),
                new BigDecimal(price),
                discount == null ? null : new BigDecimal(discount),
                tax);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }
}
