package com.nexo.sales.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.base.mail.MailDeliveryException;
import com.nexo.history.ChangeEntry;
import com.nexo.sales.SalesFixtures;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.InvoicingService;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.testing.NexoSpringTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The PDF of an issued invoice as the client receives it (company, client, lines, totals, the tax
 * agency's QR code) and its sending by e-mail to a real SMTP server started here on the port the
 * application is configured with, recorded in the invoice's timeline.
 */
@NexoSpringTest
class SalesPrintTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SalesPrintService print;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private InvoicingService invoicing;

    private SalesFixtures fixtures;
    private UUID invoice;

    @BeforeEach
    void anIssuedInvoiceOfTwoLines() {
        fixtures = new SalesFixtures(context);
        UUID client = fixtures.client(
                "Hostelería del Sol " + UUID.randomUUID().toString().substring(0, 6));
        UUID warehouse = fixtures.warehouse();
        invoice = fixtures.draft(
                DocumentKind.INVOICE, client, warehouse, fixtures.service(), "3", fixtures.service(), "1.5");
        fixtures.asSales(() -> invoicing.issue(invoice));
    }

    @Test
    void the_pdf_of_an_issued_invoice_carries_number_parties_totals_and_the_qr_code() throws Exception {
        var document = fixtures.asSales(() -> documents.document(invoice));
        byte[] bytes = fixtures.asSales(() -> print.pdf(invoice));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Factura", document.number(), document.clientName(), "56,25", "QR tributario");
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 70);
            Path out = Path.of("target", "screenshots", "sales-invoice.png");
            Files.createDirectories(out.getParent());
            ImageIO.write(page, "png", out.toFile());
        }
        assertThat(fixtures.asSales(() -> print.fileName(invoice))).isEqualTo("Factura-" + document.number() + ".pdf");
    }

    @Test
    void an_invoice_sent_by_e_mail_arrives_with_its_pdf_and_shows_in_the_timeline() throws Exception {
        String to = fixtures.asSales(() -> print.email(invoice, "compras@hosteleriasol.test", null));

        assertThat(to).isEqualTo("compras@hosteleriasol.test");
        String number = fixtures.asSales(() -> documents.document(invoice)).number();
        // Other mail the application sends meanwhile (a notification of another test) may land here too.
        MimeMessage received = awaitMailOf(number);
        assertThat(received.getSubject()).contains("Factura", number);
        Multipart parts = (Multipart) received.getContent();
        Part attachment = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                attachment = parts.getBodyPart(i);
            }
        }
        assertThat(attachment).isNotNull();
        assertThat(attachment.getFileName()).isEqualTo("Factura-" + number + ".pdf");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(content);
        try (PDDocument pdf = Loader.loadPDF(content.toByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(number);
        }

        List<ChangeEntry> timeline = fixtures.asSales(() -> documents.history(invoice, null, 20));
        assertThat(timeline).anySatisfy(entry -> assertThat(entry.table()).isEqualTo("sales_document_mail"));
    }

    @Test
    void a_mail_the_server_never_gets_leaves_nothing_in_the_timeline() throws Exception {
        assertThatThrownBy(() -> fixtures.asSales(() -> print.email(invoice, "not an address", null)))
                .isInstanceOfSatisfying(
                        MailDeliveryException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("mail.error.invalid-address"));

        String number = fixtures.asSales(() -> documents.document(invoice)).number();
        assertThat(mailsOf(number)).isEmpty();
        assertThat(fixtures.asSales(() -> documents.history(invoice, null, 20)))
                .noneSatisfy(entry -> assertThat(entry.table()).isEqualTo("sales_document_mail"));
    }

    @Test
    void a_client_without_e_mail_and_no_address_given_is_refused_with_a_message() {
        assertThatThrownBy(() -> fixtures.asSales(() -> print.email(invoice, " ", null)))
                .isInstanceOf(SalesRuleException.class)
                .extracting(e -> ((SalesRuleException) e).messageKey())
                .isEqualTo("sales.rule.no-email");
    }

    /** The messages received so far whose subject names this document number. */
    private static List<MimeMessage> mailsOf(String number) throws jakarta.mail.MessagingException {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getSubject() != null && message.getSubject().contains(number)) {
                found.add(message);
            }
        }
        return found;
    }

    /** Waits up to ten seconds for the message about this document number. */
    private static MimeMessage awaitMailOf(String number) throws Exception {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            List<MimeMessage> found = mailsOf(number);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no mail about " + number + " within 10 s; received: " + SMTP.getReceivedMessages().length);
    }
}
