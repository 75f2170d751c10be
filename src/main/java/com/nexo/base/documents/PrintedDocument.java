package com.nexo.base.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A business document ready to print: quote, order, delivery note, invoice, corrective invoice, and
 * the purchasing ones. The module that owns the document fills it in, translating what depends on
 * the document (its title, the tax labels, the legal notes) in the document's language; {@code
 * base.pdf.DocumentPdf} lays it out and translates the rest (column headings, "Total", page numbers).
 *
 * @param title the kind of document, translated ("Factura", "Quote")
 * @param number its number ("F2026-000123"); null for a draft
 * @param issueDate the date it was issued (or of the draft)
 * @param dueDate due date of an invoice, or the date a quote is valid until; null when none
 * @param dueDateLabel what {@code dueDate} means, translated ("Vencimiento", "Valid until"); null
 *     without a due date
 * @param deliveryDate the delivery date; null when none
 * @param issuer the tenant's company
 * @param recipient the client or supplier
 * @param deliveryAddressLines where the goods go, when not the recipient's address; empty for none
 * @param currency ISO code of the document's currency ("EUR")
 * @param exchangeRateNote the exchange rate fixed at issue, as text; null for the home currency
 * @param paymentTerms the payment terms, as text (method, days, IBAN); null when none
 * @param lines the lines, in order
 * @param totals the document's amounts; its breakdown is the tax breakdown table
 * @param legalNotes legal mentions (exempt operation, intra-EU supply, equivalence surcharge,
 *     the invoice a corrective one corrects), each a paragraph
 * @param notes free notes for the recipient; null when none
 * @param qr a QR code to print (the tax agency's verification link of an invoice); null for none
 * @param footer the issuer's registry data and other small print; null when none
 * @param locale the document's language
 * @param pricesShown whether prices, amounts and totals are printed; false for a document that asks
 *     for them (a request for quotation), which prints what is wanted and how much of it
 */
public record PrintedDocument(
        String title,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String dueDateLabel,
        LocalDate deliveryDate,
        PrintedParty issuer,
        PrintedParty recipient,
        List<String> deliveryAddressLines,
        String currency,
        String exchangeRateNote,
        String paymentTerms,
        List<PrintedLine> lines,
        DocumentTotals totals,
        List<String> legalNotes,
        String notes,
        Qr qr,
        String footer,
        Locale locale,
        boolean pricesShown) {

    public PrintedDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(locale, "locale");
        currency = currency == null ? "EUR" : currency;
        deliveryAddressLines = deliveryAddressLines == null ? List.of() : List.copyOf(deliveryAddressLines);
        lines = lines == null ? List.of() : List.copyOf(lines);
        legalNotes = legalNotes == null ? List.of() : List.copyOf(legalNotes);
    }

    /** A document with its prices, amounts and totals printed. */
    public PrintedDocument(
            String title,
            String number,
            LocalDate issueDate,
            LocalDate dueDate,
            String dueDateLabel,
            LocalDate deliveryDate,
            PrintedParty issuer,
            PrintedParty recipient,
            List<String> deliveryAddressLines,
            String currency,
            String exchangeRateNote,
            String paymentTerms,
            List<PrintedLine> lines,
            DocumentTotals totals,
            List<String> legalNotes,
            String notes,
            Qr qr,
            String footer,
            Locale locale) {
        this(
                title,
                number,
                issueDate,
                dueDate,
                dueDateLabel,
                deliveryDate,
                issuer,
                recipient,
                deliveryAddressLines,
                currency,
                exchangeRateNote,
                paymentTerms,
                lines,
                totals,
                legalNotes,
                notes,
                qr,
                footer,
                locale,
                true);
    }

    /**
     * A QR code and the texts printed above and under it.
     *
     * @param payload what the code encodes (a URL)
     * @param captionAbove the text above the code ("QR tributario:"); null for none
     * @param caption the text under the code ("VERI*FACTU"); null for none
     */
    public record Qr(String payload, String captionAbove, String caption) {
        public Qr {
            Objects.requireNonNull(payload, "payload");
        }

        /** A code with a text under it only. */
        public Qr(String payload, String caption) {
            this(payload, null, caption);
        }
    }
}
