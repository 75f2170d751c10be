package com.nexo.purchasing.print;

import com.nexo.accounts.AccountDirectory;
import com.nexo.accounts.AccountParty;
import com.nexo.base.documents.DocumentLine;
import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.documents.PrintedLine;
import com.nexo.base.documents.PrintedParty;
import com.nexo.base.documents.TaxRate;
import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.pdf.DocumentPdf;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.print.PurchaseDocumentReader.Header;
import com.nexo.purchasing.print.PurchaseDocumentReader.Invited;
import com.nexo.purchasing.print.PurchaseDocumentReader.Line;
import com.nexo.security.Roles;
import com.nexo.tenancy.CompanyProfile;
import com.nexo.tenancy.CompanyProfiles;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PDFs of requests for quotation (one per invited supplier, in that supplier's language,
 * without prices: it asks for them) and of purchase orders (in the order's language, with prices
 * and totals), with the company's name, logo and address, and sending them by e-mail, each sending
 * recorded in the document's timeline ({@code purchase_document_mail}).
 */
@Service
public class PurchasePrintService {

    private static final String ORDER = "ORDER";
    private static final String RFQ = "RFQ";

    private static final String RECORD_MAIL = """
            INSERT INTO purchase_document_mail (id, document_id, recipient, subject)
            VALUES (:id, :document, :recipient, :subject)
            """;

    private final PurchaseDocumentReader reader;
    private final AccountDirectory accounts;
    private final CompanyProfiles company;
    private final DocumentPdf pdf;
    private final MailOutbox outbox;
    private final I18NProvider translations;
    private final JdbcClient jdbc;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    PurchasePrintService(
            PurchaseDocumentReader reader,
            AccountDirectory accounts,
            CompanyProfiles company,
            DocumentPdf pdf,
            MailOutbox outbox,
            I18NProvider translations,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        this.reader = reader;
        this.accounts = accounts;
        this.company = company;
        this.pdf = pdf;
        this.outbox = outbox;
        this.translations = translations;
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
    }

    /** What an RFQ's mailing did: the addresses written to, and the suppliers left out for want of one. */
    public record RfqMailing(List<String> sentTo, List<String> withoutEmail) {}

    /** The order's PDF, in the order's language. */
    @Transactional(readOnly = true)
    @RolesAllowed({PurchasingPermissions.READ, Roles.SYSTEM})
    public byte[] orderPdf(UUID orderId) {
        return pdf.render(printedOrder(reader.header(orderId, ORDER)));
    }

    /** The RFQ's PDF for one of its suppliers, in that supplier's language. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public byte[] rfqPdf(UUID rfqId, UUID supplierId) {
        Header rfq = reader.header(rfqId, RFQ);
        return pdf.render(printedRfq(rfq, reader.invited(rfqId, supplierId)));
    }

    /** The order PDF's file name, in the order's language ("Pedido-PO2026-000012.pdf"). */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public String orderFileName(UUID orderId) {
        Header order = reader.header(orderId, ORDER);
        return fileName(order, Locale.of(order.language()));
    }

    /** The RFQ PDF's file name, in the supplier's language. */
    @Transactional(readOnly = true)
    @RolesAllowed(PurchasingPermissions.READ)
    public String rfqFileName(UUID rfqId, UUID supplierId) {
        return fileName(
                reader.header(rfqId, RFQ),
                Locale.of(reader.invited(rfqId, supplierId).language()));
    }

    /**
     * Sends the order's PDF to {@code recipient} (the supplier's e-mail on the order when blank) with
     * a subject and text in the order's language, and records the sending. Prepared in a read-only
     * transaction, sent with none open, recorded in a short one once the server accepted it: a
     * refused or unreachable server is reported and nothing is recorded.
     */
    @RolesAllowed(PurchasingPermissions.SEND)
    public String emailOrder(UUID orderId, String recipient, String message) {
        OutgoingMail mail = reading.execute(status -> {
            Header order = reader.header(orderId, ORDER);
            Locale locale = Locale.of(order.language());
            return mail(
                    order,
                    order.supplierName(),
                    address(recipient, order.supplierEmail()),
                    message,
                    locale,
                    printedOrder(order),
                    fileName(order, locale));
        });
        return sendAndRecord(orderId, mail);
    }

    /** Sends the RFQ's PDF to one of its suppliers (its e-mail on the RFQ when blank), in its language. */
    @RolesAllowed(PurchasingPermissions.SEND)
    public String emailRfq(UUID rfqId, UUID supplierId, String recipient, String message) {
        OutgoingMail mail = reading.execute(status -> {
            Header rfq = reader.header(rfqId, RFQ);
            Invited invited = reader.invited(rfqId, supplierId);
            return rfqMail(rfq, invited, address(recipient, invited.email()), message);
        });
        return sendAndRecord(rfqId, mail);
    }

    /**
     * Sends the RFQ to every supplier it goes to that has an e-mail, one e-mail each in the
     * supplier's language with its own PDF, each recorded once its server accepted it.
     */
    @RolesAllowed(PurchasingPermissions.SEND)
    public RfqMailing emailRfqToAll(UUID rfqId, String message) {
        List<OutgoingMail> mails = new ArrayList<>();
        List<String> withoutEmail = new ArrayList<>();
        reading.executeWithoutResult(status -> {
            Header rfq = reader.header(rfqId, RFQ);
            for (Invited invited : reader.invited(rfqId)) {
                if (invited.email() == null || invited.email().isBlank()) {
                    withoutEmail.add(invited.name());
                } else {
                    mails.add(rfqMail(rfq, invited, invited.email().strip(), message));
                }
            }
        });
        List<String> sent = new ArrayList<>();
        for (OutgoingMail mail : mails) {
            sent.add(sendAndRecord(rfqId, mail));
        }
        return new RfqMailing(List.copyOf(sent), List.copyOf(withoutEmail));
    }

    private String sendAndRecord(UUID documentId, OutgoingMail mail) {
        outbox.send(mail);
        String to = mail.to().getFirst();
        writing.executeWithoutResult(status -> jdbc.sql(RECORD_MAIL)
                .param("id", UUID.randomUUID())
                .param("document", documentId)
                .param("recipient", to)
                .param("subject", mail.subject())
                .update());
        return to;
    }

    private static String address(String recipient, String fallback) {
        String to = recipient == null || recipient.isBlank() ? fallback : recipient.strip();
        if (to == null || to.isBlank()) {
            throw new PurchasingRuleException("purchasing.print.error.no-email");
        }
        return to.strip();
    }

    private OutgoingMail rfqMail(Header rfq, Invited invited, String to, String message) {
        Locale locale = Locale.of(invited.language());
        return mail(rfq, invited.name(), to, message, locale, printedRfq(rfq, invited), fileName(rfq, locale));
    }

    private OutgoingMail mail(
            Header document,
            String supplierName,
            String to,
            String message,
            Locale locale,
            PrintedDocument printed,
            String fileName) {
        CompanyProfile issuer = company.current();
        String kind = text(kindKey(document), locale);
        String number = document.number() == null ? "" : document.number();
        String subject = translations
                .getTranslation("purchasing.mail.subject", locale, kind, number, issuer.legalName())
                .replaceAll("\\s+", " ")
                .strip();
        String bodyKey = "purchasing.mail.body-order";
        if (RFQ.equals(document.kind())) {
            bodyKey = "purchasing.mail.body-rfq";
        }
        String body = message != null && !message.isBlank()
                ? message.strip()
                : text(bodyKey, locale, supplierName, number, issuer.legalName());
        return new OutgoingMail(
                List.of(to),
                List.of(),
                issuer.email(),
                subject,
                body,
                List.of(OutgoingMail.Attachment.pdf(fileName, pdf.render(printed))));
    }

    private String fileName(Header document, Locale locale) {
        String number = document.number() == null
                ? translations.getTranslation("purchasing.print.draft", locale)
                : document.number();
        return (text(kindKey(document), locale) + "-" + number).replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf";
    }

    private static String kindKey(Header document) {
        String titleKey = "purchasing.print.order";
        if (RFQ.equals(document.kind())) {
            titleKey = "purchasing.print.rfq";
        }
        return titleKey;
    }

    PrintedDocument printedOrder(Header order) {
        Locale locale = Locale.of(order.language());
        List<String> address = accounts.party(order.supplierId())
                .map(AccountParty::billingAddress)
                .orElse(List.of());
        PrintedParty supplier =
                new PrintedParty(order.supplierName(), order.supplierTaxId(), address, order.supplierEmail(), null);
        return printed(order, supplier, locale, true);
    }

    PrintedDocument printedRfq(Header rfq, Invited invited) {
        Locale locale = Locale.of(invited.language());
        AccountParty party = accounts.party(invited.supplierId()).orElse(null);
        PrintedParty supplier = new PrintedParty(
                invited.name(),
                party == null ? null : party.taxId(),
                party == null ? List.of() : party.billingAddress(),
                invited.email(),
                null);
        return printed(rfq, supplier, locale, false);
    }

    private PrintedDocument printed(Header document, PrintedParty supplier, Locale locale, boolean prices) {
        CompanyProfile issuer = company.current();
        List<Line> lines = reader.lines(document.id());
        DocumentTotals totals = DocumentTotals.of(
                lines.stream()
                        .map(line -> new DocumentLine(
                                line.quantity(),
                                line.unitPrice(),
                                line.discountPercent(),
                                new TaxRate(line.taxCode(), line.vatPercent(), BigDecimal.ZERO)))
                        .toList(),
                Currency.getInstance(document.currency()),
                null,
                false,
                null);
        List<PrintedLine> printedLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            printedLines.add(new PrintedLine(
                    line.supplierCode() != null ? line.supplierCode() : line.articleCode(),
                    line.supplierCode() != null && line.articleCode() != null
                            ? line.description() + " · "
                                    + translations.getTranslation(
                                            "purchasing.print.our-code", locale, line.articleCode())
                            : line.description(),
                    line.quantity(),
                    Math.max(0, line.quantity().stripTrailingZeros().scale()),
                    line.unitCode(),
                    line.unitPrice(),
                    line.discountPercent(),
                    line.vatPercent().stripTrailingZeros().toPlainString() + " %",
                    totals.lineNets().get(i)));
        }
        String title = text(kindKey(document), locale);
        if ("DRAFT".equals(document.status()) || "TO_APPROVE".equals(document.status())) {
            title = title + " (" + translations.getTranslation("purchasing.print.draft", locale) + ")";
        } else if ("CANCELLED".equals(document.status())) {
            title = title + " (" + translations.getTranslation("purchasing.print.cancelled", locale) + ")";
        }
        boolean rfq = RFQ.equals(document.kind());
        String expectedKey = "purchasing.print.expected-date";
        if (rfq) {
            expectedKey = "purchasing.print.answer-by";
        }
        List<String> legalNotes = new ArrayList<>();
        if (rfq) {
            legalNotes.add(translations.getTranslation("purchasing.print.rfq-note", locale));
        }
        if (document.supplierReference() != null
                && !document.supplierReference().isBlank()) {
            legalNotes.add(translations.getTranslation(
                    "purchasing.print.your-reference", locale, document.supplierReference()));
        }
        return new PrintedDocument(
                title,
                document.number(),
                document.documentDate(),
                document.expectedDate(),
                document.expectedDate() == null ? null : text(expectedKey, locale),
                null,
                issuer.asIssuer(locale),
                supplier,
                List.of(),
                document.currency(),
                null,
                paymentTerms(document, locale),
                printedLines,
                totals,
                legalNotes,
                document.notes(),
                null,
                issuer.footer(),
                locale,
                prices);
    }

    private String paymentTerms(Header document, Locale locale) {
        if (document.paymentDays() == null || RFQ.equals(document.kind())) {
            return null;
        }
        return document.paymentDays() == 0
                ? translations.getTranslation("purchasing.print.payment-immediate", locale)
                : translations.getTranslation("purchasing.print.payment-days", locale, document.paymentDays());
    }

    private String text(String key, Locale locale, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }
}
