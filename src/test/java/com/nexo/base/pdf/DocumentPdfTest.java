package com.nexo.base.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.ui.Translations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The printed document: a 60-line invoice in Spanish and English runs over several pages, with its
 * number, totals, translated headings, page numbers and the QR image. The PDFs are also written to
 * {@code target/pdf-samples/} to look at ({@code pdftoppm -r 60 -png}).
 */
class DocumentPdfTest {

    private final DocumentPdf pdf = new DocumentPdf(new Translations());

    @Test
    void a_spanish_invoice_of_sixty_lines_prints_over_several_pages_with_its_totals_and_headings() throws IOException {
        PrintedDocument invoice = SampleDocuments.invoice(60, Translations.SPANISH);

        byte[] bytes = pdf.render(invoice);
        save("invoice-es.pdf", bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(text)
                    .contains("Factura", SampleDocuments.NUMBER, "Talleres Nexo Demo, S.L.", "Hostelería Sol, S.L.")
                    .contains("Cantidad", "Precio", "Importe", "Base imponible", "Cuota IVA", "Total")
                    .contains("FORMA DE PAGO", "DIRECCIÓN DE ENTREGA", "Vencimiento")
                    .contains("2 dic 2026")
                    .contains(spanishMoney(invoice))
                    .contains("Página 1 / " + pages, "Página " + pages + " / " + pages)
                    .contains("QR tributario: VERI*FACTU")
                    .contains("€");
            assertThat(imagesOn(document.getPage(pages - 1)))
                    .as("the QR image on the last page")
                    .isPositive();
        }
    }

    @Test
    void an_english_invoice_prints_english_headings_and_amounts() throws IOException {
        PrintedDocument invoice = SampleDocuments.invoice(60, Translations.ENGLISH);

        byte[] bytes = pdf.render(invoice);
        save("invoice-en.pdf", bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            assertThat(text)
                    .contains("Invoice", SampleDocuments.NUMBER)
                    .contains("Quantity", "Unit price", "Amount", "Taxable base", "VAT", "Total", "PAYMENT TERMS")
                    .contains("Dec 2, 2026")
                    .contains("€"
                            + String.format(
                                    Locale.ENGLISH, "%,.2f", invoice.totals().total()))
                    .contains("Page 1 / " + pages)
                    .doesNotContain("Cantidad", "!pdf.");
        }
    }

    @Test
    void a_short_document_without_qr_code_or_number_fits_one_page_and_says_draft() throws IOException {
        PrintedDocument invoice = SampleDocuments.invoice(3, Translations.ENGLISH);
        PrintedDocument draft = new PrintedDocument(
                "Quote",
                null,
                invoice.issueDate(),
                invoice.dueDate(),
                "Valid until",
                null,
                invoice.issuer(),
                invoice.recipient(),
                null,
                "EUR",
                null,
                null,
                invoice.lines(),
                invoice.totals(),
                null,
                null,
                null,
                null,
                Translations.ENGLISH);

        byte[] bytes = pdf.render(draft);
        save("quote-draft-en.pdf", bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Quote", "Draft", "Valid until", "Page 1 / 1")
                    .doesNotContain("DELIVERY ADDRESS", "PAYMENT TERMS");
            assertThat(imagesOn(document.getPage(0))).isZero();
        }
    }

    @Test
    void a_logo_is_printed_and_text_with_markup_characters_prints_as_text() throws IOException {
        PrintedDocument invoice = SampleDocuments.invoice(2, Translations.SPANISH);
        byte[] logo = QrCodes.png("logo", 120);
        var issuer = new com.nexo.base.documents.PrintedParty(
                "Smith & Sons <Metal>", "B12345674", java.util.List.of(), null, null, logo, "image/png");
        PrintedDocument withLogo = new PrintedDocument(
                invoice.title(),
                invoice.number(),
                invoice.issueDate(),
                null,
                null,
                null,
                issuer,
                invoice.recipient(),
                null,
                "EUR",
                null,
                null,
                invoice.lines(),
                invoice.totals(),
                null,
                "1 < 2 & 3 > 2",
                null,
                null,
                Translations.SPANISH);

        byte[] bytes = pdf.render(withLogo);
        save("invoice-logo-es.pdf", bytes);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Smith & Sons <Metal>", "1 < 2 & 3 > 2");
            assertThat(imagesOn(document.getPage(0))).isEqualTo(1);
        }
    }

    private static String spanishMoney(PrintedDocument invoice) {
        return new com.nexo.base.format.Formats(Translations.SPANISH, java.time.ZoneOffset.UTC)
                .money(invoice.totals().total(), "EUR");
    }

    private static int imagesOn(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        int images = 0;
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }

    static void save(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "pdf-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }
}
