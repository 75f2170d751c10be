package com.nexo.sales.portal;

import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.lists.OpenAmount;
import com.nexo.sales.lists.SalesListService;
import com.nexo.sales.lists.SalesRow;
import com.nexo.sales.print.SalesPrintService;
import com.nexo.security.CurrentUser;
import com.nexo.security.NexoUser;
import com.nexo.security.Roles;
import com.nexo.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The client portal's sales: the signed-in client's own quotes, orders, delivery notes and invoices
 * (keyset pages, newest first), a document's page, its PDF, what the client still owes, what waits
 * for it, and its answer to a quote. Every read and the answer run under the client's database role,
 * so the database itself keeps the client to its account; only {@link Roles#CLIENT} may call.
 */
@Service
public class ClientPortalService {

    private static final String RELATED = """
            SELECT d.id, d.kind, d.status, d.number, d.document_date
              FROM sales_document d
             WHERE d.id IN (SELECT to_id FROM sales_document_link WHERE from_id = :id
                            UNION SELECT from_id FROM sales_document_link WHERE to_id = :id)
             ORDER BY d.document_date, d.number
            """;

    private static final String PAID = "SELECT coalesce(sum(amount), 0) FROM sales_payment WHERE invoice_id = :id";

    private static final String AWAITING = """
            SELECT count(*) FROM sales_document d
             WHERE d.kind = 'QUOTE' AND d.status = 'SENT' AND d.account_id = nexo_party_id()
               AND (d.valid_until IS NULL OR d.valid_until >= :today)
               AND NOT EXISTS (SELECT 1 FROM sales_quote_answer a WHERE a.quote_id = d.id)
            """;

    private final SalesListService lists;
    private final SalesDocumentService documents;
    private final SalesPrintService print;
    private final QuoteAnswers answers;
    private final QuoteAnswering answering;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate reading;
    private final TransactionTemplate writing;

    ClientPortalService(
            SalesListService lists,
            SalesDocumentService documents,
            SalesPrintService print,
            QuoteAnswers answers,
            QuoteAnswering answering,
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.lists = lists;
        this.documents = documents;
        this.print = print;
        this.answers = answers;
        this.answering = answering;
        this.jdbc = jdbc;
        this.clock = clock;
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
    }

    /** A page of the client's documents of {@code kind} (invoices with corrective invoices), newest first. */
    @RolesAllowed(Roles.CLIENT)
    public Page<SalesRow> page(DocumentKind kind, PageCursor after, int limit) {
        return lists.clientPage(kind, after, limit);
    }

    /** What the client still owes, by currency (empty: nothing). */
    @RolesAllowed(Roles.CLIENT)
    public List<OpenAmount> due() {
        return lists.clientOpenAmounts();
    }

    /** How many of the client's sent quotes wait for its answer (not expired, not answered). */
    @RolesAllowed(Roles.CLIENT)
    public long quotesAwaitingAnswer() {
        return reading.execute(status -> jdbc.sql(AWAITING)
                .param("today", LocalDate.now(clock))
                .query(Long.class)
                .single());
    }

    /** The client's document's page; {@code sales.rule.not-found} for anything else. */
    @RolesAllowed(Roles.CLIENT)
    public ClientDocumentPage document(UUID documentId) {
        return reading.execute(status -> {
            SalesDocument document = documents.ownDocument(documentId);
            List<ClientDocumentPage.Related> related = jdbc.sql(RELATED)
                    .param("id", documentId)
                    .query((rs, n) -> new ClientDocumentPage.Related(
                            rs.getObject(1, UUID.class),
                            DocumentKind.valueOf(rs.getString(2)),
                            DocumentStatus.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getObject(5, LocalDate.class)))
                    .list();
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal open = BigDecimal.ZERO;
            if (document.kind().isInvoice() && document.status() == DocumentStatus.ISSUED) {
                paid = jdbc.sql(PAID)
                        .param("id", documentId)
                        .query(BigDecimal.class)
                        .single();
                open = document.totalAmount().subtract(paid);
            }
            QuoteAnswer answer = document.kind() == DocumentKind.QUOTE
                    ? answers.find(documentId).orElse(null)
                    : null;
            boolean expired = document.expiredOn(LocalDate.now(clock));
            boolean answerable = document.kind() == DocumentKind.QUOTE
                    && document.status() == DocumentStatus.SENT
                    && answer == null
                    && !expired;
            return new ClientDocumentPage(document, related, paid, open, answer, answerable, expired);
        });
    }

    /**
     * Records the client's answer to its quote, then (after that commit, as system work) makes the
     * accepted quote an order if the tenant wants it and tells the sales team. Refused, with nothing
     * written: a blank or too long name or comment ({@code portal.client.answer.*}), a quote that is
     * not the client's ({@code sales.rule.not-found}), not waiting for an answer or expired ({@code
     * portal.client.answer.closed}), or answered already, also by a concurrent answer ({@code
     * portal.client.answer.already}).
     *
     * @param clientIp the address the answer came from, as the server saw it
     * @return the answer as recorded, with the order it became when one was made
     */
    @RolesAllowed(Roles.CLIENT)
    public QuoteAnswer answer(UUID quoteId, QuoteAnswerForm form, String clientIp) {
        if (form.signedName() == null || form.signedName().isBlank()) {
            throw SalesRuleException.onField("signedName", "portal.client.answer.name-required");
        }
        if (form.signedName().strip().length() > QuoteAnswerForm.MAX_NAME) {
            throw SalesRuleException.onField("signedName", "portal.client.answer.name-too-long");
        }
        if (form.comment() != null && form.comment().strip().length() > QuoteAnswerForm.MAX_COMMENT) {
            throw SalesRuleException.onField("comment", "portal.client.answer.comment-too-long");
        }
        writing.executeWithoutResult(status -> {
            SalesDocument quote = documents.ownDocument(quoteId);
            if (quote.kind() != DocumentKind.QUOTE) {
                throw new SalesRuleException("sales.rule.not-found");
            }
            if (answers.find(quoteId).isPresent()) {
                throw new SalesRuleException("portal.client.answer.already");
            }
            if (quote.status() != DocumentStatus.SENT || quote.expiredOn(LocalDate.now(clock))) {
                throw new SalesRuleException("portal.client.answer.closed");
            }
            boolean recorded;
            try {
                recorded = answers.record(quoteId, form, clientIp);
            } catch (DataAccessException refused) {
                // The database's own check (the quote is this client's and sent) refused it: the
                // quote changed between the read above and the insert.
                throw new SalesRuleException("portal.client.answer.closed");
            }
            if (!recorded) {
                throw new SalesRuleException("portal.client.answer.already");
            }
        });
        NexoUser user = CurrentUser.get().orElseThrow();
        UUID order = answering.followUp(user.tenantId(), user.userId(), quoteId, form.accepted());
        QuoteAnswer recorded = reading.execute(status -> answers.find(quoteId).orElseThrow());
        return order == null || recorded.orderId() != null
                ? recorded
                : new QuoteAnswer(
                        recorded.quoteId(),
                        recorded.accepted(),
                        recorded.signedName(),
                        recorded.comment(),
                        recorded.clientIp(),
                        recorded.answeredBy(),
                        recorded.answeredAt(),
                        order);
    }

    /**
     * The PDF of the client's document, as the back office prints it. The client's own transaction
     * first proves the document is its own (row-level security); the printing, which also reads the
     * company's profile and the invoice's tax-agency record, then runs as system work of the tenant.
     */
    @RolesAllowed(Roles.CLIENT)
    public byte[] pdf(UUID documentId) {
        reading.executeWithoutResult(status -> documents.ownDocument(documentId));
        NexoUser user = CurrentUser.get().orElseThrow();
        return TenantContext.callAsSystem(user.tenantId(), user.userId(), () -> print.pdf(documentId));
    }
}
