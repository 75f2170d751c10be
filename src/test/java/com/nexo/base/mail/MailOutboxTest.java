package com.nexo.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.documents.PrintedLine;
import com.nexo.base.documents.PrintedParty;
import com.nexo.base.documents.TaxRate;
import com.nexo.base.mail.OutgoingMail.Attachment;
import com.nexo.base.pdf.DocumentPdf;
import com.nexo.base.ui.Translations;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail through a real SMTP server (GreenMail on a free local port): the mail arrives with its
 * recipients, reply-to, UTF-8 subject and text, and the PDF attachment byte for byte; a server that
 * refuses or is not there gives a translated reason.
 */
class MailOutboxTest {

    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

    private final MailOutbox outbox = new MailOutbox(sender(PORT), "Talleres Nexo <facturas@talleresnexo.es>");

    @Test
    void a_mail_arrives_with_its_pdf_attachment_intact() throws Exception {
        byte[] pdf = samplePdf();

        outbox.send(new OutgoingMail(
                List.of("compras@hosteleriasol.es"),
                List.of("contabilidad@hosteleriasol.es"),
                "sergio.ventas@talleresnexo.es",
                "Factura F2026-000123 — Talleres Nexo",
                "Buenos días:\n\nAdjuntamos la factura F2026-000123 por 1.234,56 €.\n\nUn saludo.",
                List.of(Attachment.pdf("F2026-000123.pdf", pdf))));

        assertThat(SMTP.waitForIncomingEmail(5_000, 2))
                .as("one copy per recipient")
                .isTrue();
        MimeMessage received = SMTP.getReceivedMessagesForDomain("hosteleriasol.es")[0];
        assertThat(received.getSubject()).isEqualTo("Factura F2026-000123 — Talleres Nexo");
        assertThat(addresses(received.getFrom())).containsExactly("facturas@talleresnexo.es");
        assertThat(addresses(received.getRecipients(Message.RecipientType.TO)))
                .containsExactly("compras@hosteleriasol.es");
        assertThat(addresses(received.getRecipients(Message.RecipientType.CC)))
                .containsExactly("contabilidad@hosteleriasol.es");
        assertThat(addresses(received.getReplyTo())).containsExactly("sergio.ventas@talleresnexo.es");

        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("1.234,56");
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("F2026-000123.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void an_invoice_pdf_sent_by_mail_arrives_readable() throws Exception {
        PrintedDocument invoice = invoice();
        byte[] pdf = new DocumentPdf(new Translations()).render(invoice);

        outbox.send(new OutgoingMail(
                List.of("compras@hosteleriasol.es"),
                null,
                null,
                "Factura F2026-000001",
                "Adjunta.",
                List.of(Attachment.pdf("F2026-000001.pdf", pdf))));

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        Multipart parts = (Multipart) SMTP.getReceivedMessages()[0].getContent();
        byte[] received;
        try (InputStream in = parts.getBodyPart(1).getInputStream()) {
            received = in.readAllBytes();
        }
        assertThat(received).isEqualTo(pdf);
        try (PDDocument document = Loader.loadPDF(received)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Factura", "F2026-000001", "Total");
        }
    }

    private static PrintedDocument invoice() {
        List<DocumentLine> lines =
                List.of(new DocumentLine(new BigDecimal("2"), new BigDecimal("10.00"), null, TaxRate.GENERAL));
        DocumentTotals totals = DocumentTotals.of(lines, Currency.getInstance("EUR"), null, false, null);
        PrintedParty issuer = new PrintedParty("Talleres Nexo Demo, S.L.", "B12345674", List.of("Bilbao"), null, null);
        PrintedParty client = new PrintedParty("Hostelería Sol, S.L.", null, List.of("València"), null, null);
        return new PrintedDocument(
                "Factura",
                "F2026-000001",
                LocalDate.of(2026, 12, 2),
                null,
                null,
                null,
                issuer,
                client,
                null,
                "EUR",
                null,
                null,
                List.of(new PrintedLine(
                        null,
                        "Soldadura",
                        new BigDecimal("2"),
                        0,
                        "h",
                        new BigDecimal("10.00"),
                        null,
                        "21 %",
                        totals.lineNets().get(0))),
                totals,
                null,
                null,
                null,
                null,
                Translations.SPANISH);
    }

    @Test
    void a_mail_without_attachments_is_plain_text() throws Exception {
        outbox.send(new OutgoingMail(List.of("ana@example.com"), null, null, "Hola", "Texto ñ €", null));

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getContentType()).startsWith("text/plain");
        assertThat(received.getContent()).isEqualTo("Texto ñ €");
    }

    @Test
    void a_malformed_address_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() ->
                        outbox.send(new OutgoingMail(List.of("not an address"), null, null, "Hola", "Texto", null)))
                .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("mail.error.invalid-address");
                    assertThat(e.arguments()).containsExactly("not an address");
                });
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_server_that_is_not_there_gives_the_unavailable_reason() {
        MailOutbox nowhere = new MailOutbox(sender(freePort()), "facturas@talleresnexo.es");

        assertThatThrownBy(() ->
                        nowhere.send(new OutgoingMail(List.of("ana@example.com"), null, null, "Hola", "Texto", null)))
                .isInstanceOfSatisfying(
                        MailDeliveryException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("mail.error.unavailable"));
    }

    @Test
    void a_server_that_refuses_the_message_gives_its_answer() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread refusing = Thread.ofVirtual().start(() -> refuseOneMail(server));
            MailOutbox outbox = new MailOutbox(sender(server.getLocalPort()), "facturas@talleresnexo.es");

            assertThatThrownBy(() -> outbox.send(
                            new OutgoingMail(List.of("ana@example.com"), null, null, "Hola", "Texto", null)))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("mail.error.refused");
                        assertThat(e.arguments()[0].toString()).contains("Relaying denied");
                    });
            refusing.join(5_000);
        }
    }

    /** A server that greets, then refuses the sender with 550, as a relay that does not know us does. */
    private static void refuseOneMail(ServerSocket server) {
        try (Socket client = server.accept();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(
                        new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII), true)) {
            client.setSoTimeout(5_000);
            out.print("220 refusing.test ESMTP\r\n");
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    out.print("250 refusing.test\r\n");
                } else if (command.startsWith("MAIL FROM")) {
                    out.print("550 5.7.1 Relaying denied\r\n");
                } else if (command.startsWith("QUIT")) {
                    out.print("221 bye\r\n");
                    out.flush();
                    return;
                } else {
                    out.print("250 ok\r\n");
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: nothing left to refuse
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses)
                .map(address -> ((InternetAddress) address).getAddress())
                .toList();
    }

    private static byte[] samplePdf() {
        byte[] bytes = new byte[50_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "3000");
        properties.put("mail.smtp.timeout", "3000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
