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
 * headings and the other fixed texts come from the translation bundles ({@code pdf.*} keys) in the
 * document's language, amounts and dates from {@link Formats}. The font is DejaVu Sans, embedded
 * (only the glyphs used), so accents, "ñ" and "€" print the same everywhere.
 *
 * <p>Thread-safe and meant to be shared: the template, the style sheet and the fonts are read once.
 */
@Component
public class DocumentPdf {

    static final String FONT_FAMILY = "DejaVu Sans";

    /** Pixels of the QR image; printed at 30 mm, the size the tax agency asks for. */
    private static final int QR_PIXELS = 240;

    private final TemplateEngine templates;
    private final String css;
    private final byte[] regularFont;
    private final byte[] boldFont;

    public DocumentPdf(I18NProvider translations) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentPdf.class.getClassLoader());
        resolver.setPrefix("templates/pdf/");
        resolver.setSuffix(".html");
        // XML: what openhtmltopdf parses must be well-formed, and XML mode keeps it so.
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
        templates.setMessageResolver(new BundleMessages(translations));
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

    /** {@code #{pdf.quantity}} of the template, from the application's bundles in the document's language. */
    private record BundleMessages(I18NProvider translations) implements org.thymeleaf.messageresolver.IMessageResolver {

        @Override
        public String getName() {
            return "bundles";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(
                org.thymeleaf.context.ITemplateContext context,
                Class<?> origin,
                String key,
                Object[] messageParameters) {
            Locale locale = context.getLocale();
            return translations.getTranslation(
                    key, locale, messageParameters == null ? new Object[0] : messageParameters);
        }

        @Override
        public String createAbsentMessageRepresentation(
                org.thymeleaf.context.ITemplateContext context,
                Class<?> origin,
                String key,
                Object[] messageParameters) {
            return "!" + key + "!";
        }
    }
}
