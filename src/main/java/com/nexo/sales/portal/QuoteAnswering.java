package com.nexo.sales.portal;

import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.ui.Translations;
import com.nexo.sales.QuoteAccepted;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.security.UserDirectory;
import com.nexo.tenancy.CompanyProfiles;
import com.nexo.tenancy.TenantContext;
import com.nexo.tenancy.TenantService;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the company does once a client's answer to a quote is committed: an accepted quote becomes an
 * order (the back office's own quote-to-order step, {@link SalesFlowService#toOrder}) when the tenant's
 * settings say so, and each address of the sales team gets an e-mail in its reader's language. It
 * runs as system work of the tenant on behalf of the client user, after the client's own
 * transaction: the client's database role reads its documents and writes its answer, never orders or
 * numbers (why not a SECURITY DEFINER function: the order is made by the same Java step as in the
 * back office, with its numbering and checks, instead of a second copy of it in SQL). A failure here leaves the answer recorded and visible on the quote, where the
 * sales team can still make the order by hand.
 */
@Component
class QuoteAnswering {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteAnswering.class);

    private final SalesFlowService flow;
    private final SalesDocumentService documents;
    private final SalesSettingsService settings;
    private final QuoteAnswers answers;
    private final CompanyProfiles company;
    private final UserDirectory users;
    private final TenantService tenants;
    private final MailOutbox outbox;
    private final I18NProvider translations;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    QuoteAnswering(
            SalesFlowService flow,
            SalesDocumentService documents,
            SalesSettingsService settings,
            QuoteAnswers answers,
            CompanyProfiles company,
            UserDirectory users,
            TenantService tenants,
            MailOutbox outbox,
            I18NProvider translations,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events) {
        this.events = events;
        this.flow = flow;
        this.documents = documents;
        this.settings = settings;
        this.answers = answers;
        this.company = company;
        this.users = users;
        this.tenants = tenants;
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
            order = accepted
                    ? TenantContext.callAsSystem(tenantId, clientUserId, () -> makeOrder(tenantId, quoteId))
                    : null;
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

    private UUID makeOrder(UUID tenantId, UUID quoteId) {
        return transactions.execute(status -> {
            if (!settings.settings().acceptedQuoteToOrder()) {
                // No order (the sales team makes it by hand), but the quote is accepted all the same.
                events.publishEvent(new QuoteAccepted(tenantId, quoteId));
                return null;
            }
            UUID order = flow.toOrder(quoteId, null);
            answers.orderMade(quoteId, order);
            return order;
        });
    }

    /**
     * Mails each address of the sales team (the settings' addresses, else the company's) on its own, in
     * the language its user chose, or the tenant's when no user of the tenant has the address. One
     * address that the mail server refuses does not keep the others from being told.
     */
    private void tellTheTeam(UUID quoteId, boolean accepted, UUID orderId) {
        List<OutgoingMail> mails = transactions.execute(status -> {
            List<String> to = settings.settings().notifyAddresses();
            if (to.isEmpty()) {
                String companyAddress = company.current().email();
                to = companyAddress == null || companyAddress.isBlank() ? List.of() : List.of(companyAddress.strip());
            }
            if (to.isEmpty()) {
                return List.of();
            }
            SalesDocument quote = documents.document(quoteId);
            QuoteAnswer given = answers.find(quoteId).orElseThrow();
            Map<String, Locale> chosen = users.languagesOf(to);
            Locale tenantLanguage = Translations.supported(Locale.of(tenants.currentTenant()
                    .map(TenantService.TenantSummary::defaultLocale)
                    .orElse(Translations.SPANISH.getLanguage())));
            return to.stream()
                    .map(address -> {
                        Locale language = Translations.supported(
                                chosen.getOrDefault(address.toLowerCase(Locale.ROOT), tenantLanguage));
                        return mail(address, language, quote, given, accepted, orderId);
                    })
                    .toList();
        });
        for (OutgoingMail mail : mails) {
            try {
                outbox.send(mail);
            } catch (RuntimeException failure) {
                LOG.warn("{} was not told of the answer to quote {}", mail.to(), quoteId, failure);
            }
        }
    }

    private OutgoingMail mail(
            String to, Locale language, SalesDocument quote, QuoteAnswer given, boolean accepted, UUID orderId) {
        String answer = accepted
                ? translations.getTranslation("portal.client.team.accepted", language)
                : translations.getTranslation("portal.client.team.rejected", language);
        String subject = translations.getTranslation(
                "portal.client.team.mail-subject", language, quote.number(), quote.clientName(), answer);
        StringBuilder text = new StringBuilder(translations.getTranslation(
                "portal.client.team.mail-text",
                language,
                quote.clientName(),
                answer,
                quote.number(),
                given.signedName()));
        if (given.comment() != null) {
            text.append("\n\n")
                    .append(translations.getTranslation("portal.client.team.mail-comment", language, given.comment()));
        }
        if (accepted) {
            text.append("\n\n")
                    .append(
                            orderId == null
                                    ? translations.getTranslation("portal.client.team.mail-no-order", language)
                                    : translations.getTranslation("portal.client.team.mail-order", language));
        }
        return new OutgoingMail(List.of(to), List.of(), null, subject, text.toString(), List.of());
    }
}
