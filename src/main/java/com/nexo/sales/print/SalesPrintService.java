package com.nexo.sales.print;

import com.nexo.base.documents.DocumentTotals;
import com.nexo.base.documents.PrintedDocument;
import com.nexo.base.documents.PrintedLine;
import com.nexo.base.documents.PrintedParty;
import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.pdf.DocumentPdf;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentLineRow;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesTotals;
import com.nexo.sales.verifactu.BillingRecords;
import com.nexo.sales.verifactu.VerificationQr;
import com.nexo.security.Roles;
import com.nexo.tenancy.CompanyProfile;
import com.nexo.tenancy.CompanyProfiles;
import com.vaadin.flow.i18n.I18NProvider;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PDF of a sales document in its client's language (the company's name, logo, tax id and
 * address; the client; lines; tax breakdown and totals; payment terms; legal notes; for issued
 * invoices the tax agency's QR code) and sending it by e-mail, recorded in the document's timeline.
 */
@Service
public class SalesPrintService {

    private static final String RECORD_MAIL = """
            INSERT INTO sales_document_mail (id, document_id, recipient, subject) VALUES (:id, :document, :recipient, :subject)
            """;

    private final SalesDocumentService documents;
    private final CompanyProfiles company;
    private final BillingRecords records;
    private final DocumentPdf pdf;
    private final MailOutbox outbox;
    private final I18NProvider translations;
    private final JdbcClient jdbc;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    SalesPrintService(
            SalesDocumentService documents,
            CompanyProfiles company,
            BillingRecords records,
            DocumentPdf pdf,
            MailOutbox outbox,
            I18NProvider translations,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager) {
        this.documents = documents;
        this.company = company;
        this.records = records;
        this.pdf = pdf;
        this.outbox = outbox;
        this.translations = translations;
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
    }

    /** The document's PDF (system work prints it for a client in the portal, see sales.portal). */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public byte[] pdf(UUID documentId) {
        return pdf.render(printed(documents.document(documentId)));
    }

    /** The PDF's file name: the kind and number in the client's language ("Factura-F2026-000123.pdf"). */
    @Transactional(readOnly = true)
    @RolesAllowed({SalesPermissions.READ, Roles.SYSTEM})
    public String fileName(UUID documentId) {
        SalesDocument document = documents.document(documentId);
        Locale locale = Locale.of(document.language());
        String number = document.number() == null ? text(DocumentStatus.DRAFT.key(), locale) : document.number();
        return (text(document.kind().key(), locale) + "-" + number).replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf";
    }

    /**
     * Sends the document's PDF to {@code recipient} (the client's e-mail when blank) with a subject
     * and text in the client's language, and records the sending in the document's timeline. The
     * mail is prepared in one read-only transaction, sent with no transaction open (a slow server
     * holds no connection or lock) and recorded in a second, short one once the server has accepted
     * it: a refused or unreachable server is reported and nothing is recorded.
     */
    @RolesAllowed(SalesPermissions.EDIT)
    public String email(UUID documentId, String recipient, String message) {
        OutgoingMail mail = reading.execute(status -> prepare(documentId, recipient, message));
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

    private OutgoingMail prepare(UUID documentId, String recipient, String message) {
        SalesDocument document = documents.document(documentId);
        String to = recipient == null || recipient.isBlank() ? document.clientEmail() : recipient.strip();
        if (to == null || to.isBlank()) {
            throw new SalesRuleException("sales.rule.no-email");
        }
        Locale locale = Locale.of(document.language());
        CompanyProfile issuer = company.current();
        String kind = text(document.kind().key(), locale);
        String number = document.number() == null ? "" : " " + document.number();
        String subject = translations
                .getTranslation("sales.mail.subject", locale, kind, number.strip(), issuer.legalName())
                .strip();
        String body = message != null && !message.isBlank()
                ? message.strip()
                : translations.getTranslation(
                        "sales.mail.body",
                        locale,
                        document.clientName(),
                        kind.toLowerCase(locale),
                        number.strip(),
                        issuer.legalName());
        byte[] file = pdf.render(printed(document));
        return new OutgoingMail(
                List.of(to),
                List.of(),
                issuer.email(),
                subject,
                body,
                List.of(OutgoingMail.Attachment.pdf(fileName(documentId), file)));
    }

    /** The document as printed. */
    PrintedDocument printed(SalesDocument document) {
        Locale locale = Locale.of(document.language());
        CompanyProfile issuer = company.current();
        DocumentTotals totals = SalesTotals.of(document);
        String title = text(document.kind().key(), locale);
        if (document.status() == DocumentStatus.DRAFT) {
            title = title + " (" + text(DocumentStatus.DRAFT.key(), locale) + ")";
        } else if (document.status() == DocumentStatus.CANCELLED) {
            title = title + " (" + text(DocumentStatus.CANCELLED.key(), locale) + ")";
        }
        List<PrintedLine> lines = document.lines().stream()
                .map(line -> new PrintedLine(
                        line.articleCode(),
                        line.description(),
                        line.quantity(),
                        Math.max(0, line.quantity().stripTrailingZeros().scale()),
                        line.unitCode(),
                        line.unitPrice(),
                        line.discountPercent(),
                        taxLabel(document, line),
                        line.netAmount()))
                .toList();
        PrintedDocument.Qr qr = null;
        if (document.kind().isInvoice() && document.status() == DocumentStatus.ISSUED) {
            qr = records.qrFor(document.id())
                    .map(url -> new PrintedDocument.Qr(url, VerificationQr.CAPTION_ABOVE, VerificationQr.CAPTION_BELOW))
                    .orElse(null);
        }
        boolean quote = document.kind() == DocumentKind.QUOTE;
        return new PrintedDocument(
                title,
                document.number(),
                document.documentDate(),
                quote ? document.validUntil() : document.kind().isInvoice() ? document.dueDate() : null,
                quote
                        ? translations.getTranslation("sales.print.valid-until", locale)
                        : translations.getTranslation("sales.print.due-date", locale),
                document.deliveryDate(),
                issuer.asIssuer(locale),
                new PrintedParty(
                        document.clientName(),
                        document.clientTaxId(),
                        document.billingAddress(),
                        document.clientEmail(),
                        null),
                document.shippingAddress().equals(document.billingAddress()) ? List.of() : document.shippingAddress(),
                document.currency(),
                "EUR".equals(document.currency())
                        ? null
                        : translations.getTranslation(
                                "sales.print.exchange-rate",
                                locale,
                                document.currency(),
                                document.exchangeRate().stripTrailingZeros().toPlainString()),
                paymentTerms(document, locale),
                lines,
                totals,
                legalNotes(document, locale),
                document.notes(),
                qr,
                issuer.footer(),
                locale);
    }

    private String paymentTerms(SalesDocument document, Locale locale) {
        if (document.paymentDays() == null) {
            return null;
        }
        return document.paymentDays() == 0
                ? translations.getTranslation("sales.print.payment-immediate", locale)
                : translations.getTranslation("sales.print.payment-days", locale, document.paymentDays());
    }

    private List<String> legalNotes(SalesDocument document, Locale locale) {
        List<String> notes = new ArrayList<>();
        if (document.legalNote() != null && !document.legalNote().isBlank()) {
            notes.add(document.legalNote());
        } else if (document.taxRegime().legalNoteKey() != null) {
            notes.add(text(document.taxRegime().legalNoteKey(), locale));
        }
        if (document.correctedId() != null) {
            SalesDocument original = documents.document(document.correctedId());
            notes.add(translations.getTranslation(
                    "sales.legal.corrective",
                    locale,
                    original.number(),
                    original.documentDate().toString(),
                    document.correctionReason() == null ? "" : document.correctionReason()));
        }
        return notes;
    }

    private static String taxLabel(SalesDocument document, DocumentLineRow line) {
        if (!document.taxRegime().chargesVat()) {
            return "0 %";
        }
        String label = line.vatPercent().stripTrailingZeros().toPlainString() + " %";
        return line.surchargePercent().signum() > 0
                ? label + " + " + line.surchargePercent().stripTrailingZeros().toPlainString() + " %"
                : label;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }
}
