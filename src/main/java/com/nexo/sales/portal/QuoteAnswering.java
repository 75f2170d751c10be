package com.nexo.sales.portal;

import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.tenancy.CompanyProfiles;
import com.nexo.tenancy.TenantContext;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the company does once a client's answer to a quote is committed: an accepted quote becomes an
 * order (the back office's own quote-to-order step, {@link SalesFlowService#toOrder}) when the tenant's
 * settings say so, and the sales team gets an e-mail. It runs as system work of the tenant on behalf of
 * the client user, after the client's own transaction: the client's database role reads its documents
 * and writes its answer, never orders or numbers (why not a SECURITY DEFINER function: the order is
 * made by the same Java step as in the back office, with its numbering and checks, instead of a second
 * copy of it in SQL). A failure here leaves the answer recorded and visible on the quote, where the
 * sales team can still make the order by hand.
 */
@Component
class QuoteAnswering {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteAnswering.class);

    /** The language of the sales team's e-mail (the back office's default). */
    private static final Locale TEAM_LANGUAGE = Locale.of("es");

    private final SalesFlowService flow;
    private final SalesDocumentService documents;
    private final SalesSettingsService settings;
    private final QuoteAnswers answers;
    private final CompanyProfiles company;
    private final MailOutbox outbox;
    private final I18NProvider translations;
    private final TransactionTemplate transactions;

    QuoteAnswering(
            SalesFlowService flow,
            SalesDocumentService documents,
            SalesSettingsService settings,
            QuoteAnswers answers,
            CompanyProfiles company,
            MailOutbox outbox,
            I18NProvider translations,
            PlatformTransactionManager transactionManager) {
        this.flow = flow;
        this.documents = documents;
        this.settings = settings;
        this.answers = answers;
        this.company = company;
        this.outbox = outbox;
        this.translations = translations;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Follows up an answer just committed: the order first, then the e-mail (a mail server that is
     * down loses the e-mail, not the order). Returns the order made, or null. Never throws.
     */
    UUID followUp(UUID tenantId, UUID clientUserId, UUID quoteId, boolean accepted) {
        UUID order = null;
        try {
            order = accepted ? TenantContext.callAsSystem(tenantId, clientUserId, () -> makeOrder(quoteId)) : null;
        } catch (RuntimeException failure) {
            LOG.warn("Accepted quote {} could not become an order; the answer stands", quoteId, failure);
        }
        UUID made = order;
        try {
            TenantContext.callAsSystem(tenantId, clientUserId, () -> {
                tellTheTeam(quoteId, accepted, made);
                return null;
            });
        } catch (RuntimeException failure) {
            LOG.warn("The sales team could not be told of the answer to quote {}", quoteId, failure);
        }
        return order;
    }

    private UUID makeOrder(UUID quoteId) {
        return transactions.execute(status -> {
            if (!settings.settings().acceptedQuoteToOrder()) {
                return null;
            }
            UUID order = flow.toOrder(quoteId, null);
            answers.orderMade(quoteId, order);
            return order;
        });
    }

    private void tellTheTeam(UUID quoteId, boolean accepted, UUID orderId) {
        OutgoingMail mail = transactions.execute(status -> {
            SalesDocument quote = documents.document(quoteId);
            String to = settings.settings().notifyEmail();
            if (to == null || to.isBlank()) {
                to = company.current().email();
            }
            if (to == null || to.isBlank()) {
                return null;
            }
            String answer = accepted
                    ? translations.getTranslation("portal.client.team.accepted", TEAM_LANGUAGE)
                    : translations.getTranslation("portal.client.team.rejected", TEAM_LANGUAGE);
            QuoteAnswer given = answers.find(quoteId).orElseThrow();
            String subject = translations.getTranslation(
                    "portal.client.team.mail-subject", TEAM_LANGUAGE, quote.number(), quote.clientName(), answer);
            StringBuilder text = new StringBuilder(translations.getTranslation(
                    "portal.client.team.mail-text",
                    TEAM_LANGUAGE,
                    quote.clientName(),
                    answer,
                    quote.number(),
                    given.signedName()));
            if (given.comment() != null) {
                text.append("\n\n")
                        .append(translations.getTranslation(
                                "portal.client.team.mail-comment", TEAM_LANGUAGE, given.comment()));
            }
            if (accepted) {
                text.append("\n\n")
                        .append(
                                orderId == null
                                        ? translations.getTranslation("portal.client.team.mail-no-order", TEAM_LANGUAGE)
                                        : translations.getTranslation("portal.client.team.mail-order", TEAM_LANGUAGE));
            }
            return new OutgoingMail(List.of(to), List.of(), null, subject, text.toString(), List.of());
        });
        if (mail != null) {
            outbox.send(mail);
        }
    }
}
