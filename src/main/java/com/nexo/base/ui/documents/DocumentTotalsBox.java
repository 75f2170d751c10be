package com.nexo.base.ui.documents;

import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The amounts under a document's lines, in an editor and on a document's page alike (sales and
 * purchasing): VAT per rate on its base, base, VAT, surcharge and withholding when there are any, and
 * the total.
 */
public class DocumentTotalsBox extends Div {

    public DocumentTotalsBox() {
        addClassName("document-totals");
    }

    /** Shows {@code amounts} in {@code currency}, replacing what was shown. */
    public void show(DocumentTotals amounts, String currency) {
        removeAll();
        for (DocumentTotals.TaxAmount rate : amounts.breakdown()) {
            row(
                    getTranslation(
                            "documents.totals.rate",
                            Format.percent(rate.rate().vatPercent()),
                            Format.money(rate.base(), currency)),
                    Format.money(rate.vat().add(rate.surcharge()), currency),
                    "totals-rate");
        }
        row(getTranslation("documents.totals.base"), Format.money(amounts.base(), currency), "totals-base");
        row(getTranslation("documents.totals.vat"), Format.money(amounts.vat(), currency), "totals-vat");
        if (amounts.surcharge().signum() != 0) {
            row(
                    getTranslation("documents.totals.surcharge"),
                    Format.money(amounts.surcharge(), currency),
                    "totals-surcharge");
        }
        if (amounts.withholding().signum() != 0) {
            row(
                    getTranslation("documents.totals.withholding"),
                    Format.money(amounts.withholding().negate(), currency),
                    "totals-withholding");
        }
        row(getTranslation("documents.totals.total"), Format.money(amounts.total(), currency), "totals-total");
    }

    /** The total as shown, empty before {@link #show} (for tests and summaries). */
    public String totalShown() {
        return getChildren()
                .filter(row -> row.getElement().getClassList().contains("totals-total"))
                .map(row -> row.getElement().getChild(1).getText())
                .findFirst()
                .orElse("");
    }

    private void row(String label, String amount, String className) {
        Span value = new Span(amount);
        value.addClassName("totals-amount");
        Div row = new Div(new Span(label), value);
        row.addClassNames("totals-row", className);
        row.getStyle()
                .set("display", "flex")
                .set("justify-content", "space-between")
                .set("gap", "1em");
        if ("totals-total".equals(className)) {
            row.getStyle().set("font-weight", "600");
        }
        add(row);
    }
}
