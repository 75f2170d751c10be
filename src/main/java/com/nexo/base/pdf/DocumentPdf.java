package com.nexo.base.pdf;

import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.DocumentTotals.TaxAmount;
import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.documents.PrintedLine;
import com.nexo.base.documents.PrintedParty;
import com.nexo.base.format.Formats;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.vaadin.flow.i18n.I18NProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link PrintedDocument} as a PDF: the template {@code templates/pdf/document.html} with
 * its style sheet {@code document.css}, filled by Thymeleaf and laid out by openhtmltopdf. Column
 * headings and the other fixed texts come from the translation bundles ({@code pdf.*} keys, read here
 * so that the bundle test sees them) in the document's language, amounts and dates from {@link Formats}. The font is DejaVu Sans, embedded
 * (only the glyphs used), so accents, "ñ" and "€" print the same everywhere.
 *
 * <p>Thread-safe and meant to be shared: the template, the style sheet and the fonts are read once.
 */
@Component
public class DocumentPdf {

    static final String FONT_FAMILY = "DejaVu Sans";

    /** Pixels of the QR image; printed at 30 mm, the size the tax agency asks for. */
    private static final int QR_PIXELS = 240;

    private final I18NProvider translations;
    private final TemplateEngine templates;
    private final String css;
    private final byte[] regularFont;
    private final byte[] boldFont;

    public DocumentPdf(I18NProvider translations) {
        this.translations = translations;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentPdf.class.getClassLoader());
        resolver.setPrefix("templates/pdf/");
        resolver.setSuffix(".html");
        // XML: what openhtmltopdf parses must be well-formed, and XML mode keeps it so.
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
        css = new String(resource("templates/pdf/document.css"), StandardCharsets.UTF_8);
        regularFont = resource("fonts/DejaVuSans.ttf");
        boldFont = resource("fonts/DejaVuSans-Bold.ttf");
    }

    /** The document as PDF bytes. */
    public byte[] render(PrintedDocument document) {
        String html = html(document);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(regularFont), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(boldFont), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /** The filled-in template, before layout (for tests and for looking at the markup). */
    String html(PrintedDocument document) {
        Context context = new Context(document.locale());
        context.setVariables(model(document));
        return templates.process("document", context);
    }

    private Map<String, Object> model(PrintedDocument document) {
        // Dates have no time of day: the zone is never used, but Formats needs one.
        Formats formats = new Formats(document.locale(), ZoneId.of("UTC"));
        String currency = document.currency();
        DocumentTotals totals = document.totals();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("css", css);
        model.put("t", labels(document.locale()));
        model.put("lang", document.locale().getLanguage());
        model.put("title", document.title());
        model.put("number", document.number());
        model.put("issueDate", formats.date(document.issueDate()));
        model.put("dueDate", formats.date(document.dueDate()));
        model.put("dueDateLabel", document.dueDateLabel());
        model.put("deliveryDate", formats.date(document.deliveryDate()));
        model.put("issuer", party(document.issuer()));
        model.put("recipient", party(document.recipient()));
        model.put("deliveryAddress", document.deliveryAddressLines());
        model.put("currency", currency);
        model.put("exchangeRateNote", document.exchangeRateNote());
        model.put("paymentTerms", document.paymentTerms());
        model.put("notes", document.notes());
        model.put("legalNotes", document.legalNotes());
        model.put("footer", document.footer());
        model.put("anyCode", document.lines().stream().anyMatch(line -> line.code() != null));
        model.put("anyDiscount", document.lines().stream().anyMatch(PrintedLine::discounted));
        model.put("prices", document.pricesShown());
        List<Map<String, Object>> lines = new ArrayList<>(document.lines().size());
        for (PrintedLine line : document.lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", line.code());
            row.put("description", line.description());
            String quantity = formats.quantity(line.quantity(), line.quantityDecimals());
            row.put("quantity", line.unit() == null ? quantity : quantity + "\u00a0" + line.unit());
            row.put("unitPrice", formats.price(line.unitPrice(), currency));
            row.put("discount", line.discounted() ? formats.percent(line.discountPercent()) : "");
            row.put("tax", line.taxLabel());
            row.put("net", formats.money(line.net(), currency));
            lines.add(row);
        }
        model.put("lines", lines);
        boolean surcharge = totals.surcharge().signum() != 0;
        model.put("anySurcharge", surcharge);
        List<Map<String, Object>> breakdown = new ArrayList<>();
        for (TaxAmount tax : totals.breakdown()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("base", formats.money(tax.base(), currency));
            row.put("vatPercent", formats.percent(tax.rate().vatPercent()));
            row.put("vat", formats.money(tax.vat(), currency));
            row.put("surchargePercent", surcharge ? formats.percent(tax.rate().surchargePercent()) : "");
            row.put("surcharge", surcharge ? formats.money(tax.surcharge(), currency) : "");
            breakdown.add(row);
        }
        model.put("breakdown", breakdown);
        model.put("base", formats.money(totals.base(), currency));
        model.put("vat", formats.money(totals.vat(), currency));
        model.put("surcharge", surcharge ? formats.money(totals.surcharge(), currency) : null);
        model.put(
                "withholding",
                totals.withholding().signum() != 0
                        ? formats.money(totals.withholding().negate(), currency)
                        : null);
        model.put("total", formats.money(totals.total(), currency));
        if (document.qr() != null) {
            model.put("qrImage", QrCodes.pngDataUri(document.qr().payload(), QR_PIXELS));
            model.put("qrCaption", document.qr().caption());
            model.put("qrCaptionAbove", document.qr().captionAbove());
        }
        return model;
    }

    private static Map<String, Object> party(PrintedParty party) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", party.name());
        map.put("taxId", party.taxId());
        map.put("addressLines", party.addressLines());
        map.put("email", party.email());
        map.put("phone", party.phone());
        map.put("logo", party.hasLogo() ? QrCodes.dataUri(party.logoContentType(), party.logo()) : null);
        return map;
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocumentPdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixed texts of the template ({@code ${t.quantity}}), in the document's language. */
    private Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("amount", translations.getTranslation("pdf.amount", locale));
        labels.put("code", translations.getTranslation("pdf.code", locale));
        labels.put("currency", translations.getTranslation("pdf.currency", locale));
        labels.put("deliveryAddress", translations.getTranslation("pdf.delivery-address", locale));
        labels.put("deliveryDate", translations.getTranslation("pdf.delivery-date", locale));
        labels.put("description", translations.getTranslation("pdf.description", locale));
        labels.put("discount", translations.getTranslation("pdf.discount", locale));
        labels.put("draft", translations.getTranslation("pdf.draft", locale));
        labels.put("dueDate", translations.getTranslation("pdf.due-date", locale));
        labels.put("exchangeRate", translations.getTranslation("pdf.exchange-rate", locale));
        labels.put("issueDate", translations.getTranslation("pdf.issue-date", locale));
        labels.put("notes", translations.getTranslation("pdf.notes", locale));
        labels.put("number", translations.getTranslation("pdf.number", locale));
        labels.put("page", translations.getTranslation("pdf.page", locale));
        labels.put("paymentTerms", translations.getTranslation("pdf.payment-terms", locale));
        labels.put("quantity", translations.getTranslation("pdf.quantity", locale));
        labels.put("recipient", translations.getTranslation("pdf.recipient", locale));
        labels.put("surcharge", translations.getTranslation("pdf.surcharge", locale));
        labels.put("surchargeRate", translations.getTranslation("pdf.surcharge-rate", locale));
        labels.put("tax", translations.getTranslation("pdf.tax", locale));
        labels.put("taxId", translations.getTranslation("pdf.tax-id", locale));
        labels.put("taxableBase", translations.getTranslation("pdf.taxable-base", locale));
        labels.put("total", translations.getTranslation("pdf.total", locale));
        labels.put("unitPrice", translations.getTranslation("pdf.unit-price", locale));
        labels.put("vat", translations.getTranslation("pdf.vat", locale));
        labels.put("vatRate", translations.getTranslation("pdf.vat-rate", locale));
        labels.put("withholding", translations.getTranslation("pdf.withholding", locale));
        return labels;
    }
}
