package com.nexo.support.requests;

import com.nexo.base.mail.MailDeliveryException;
import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.nexo.base.mail.PublicLinks;
import com.nexo.tenancy.CompanyProfile;
import com.nexo.tenancy.CompanyProfiles;
import com.nexo.tenancy.TenantContext;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The mails of requests, sent once the change has committed, on a thread of their own (the user does
 * not wait for the mail server): the portal actor who opened a request is told in its language that it
 * was answered, with the link to the request in its portal; the company's address (its profile's
 * e-mail) is told that a request was opened, in both languages since nobody in particular reads it,
 * with the link to the request in the back office. A mail that cannot be sent is logged: the request
 * itself is saved and shown in both portal and back office regardless.
 */
@Component
class SupportMails {

    private static final Logger LOG = LoggerFactory.getLogger(SupportMails.class);
    private static final Locale SPANISH = Locale.of("es");
    private static final Locale ENGLISH = Locale.of("en");

    private final MailOutbox outbox;
    private final CompanyProfiles companies;
    private final I18NProvider translations;
    private final PublicLinks links;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "support-mails");
        thread.setDaemon(true);
        return thread;
    });

    SupportMails(MailOutbox outbox, CompanyProfiles companies, I18NProvider translations, PublicLinks links) {
        this.outbox = outbox;
        this.companies = companies;
        this.translations = translations;
        this.links = links;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void requestOpened(RequestOpened event) {
        sender.execute(() -> sendOpened(event));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void requestAnswered(RequestAnswered event) {
        sender.execute(() -> send(answeredMail(event), event.requestId()));
    }

    /** Tells the company's address; nothing when its profile has no e-mail. */
    void sendOpened(RequestOpened event) {
        try {
            CompanyProfile company = TenantContext.callAsSystem(event.tenantId(), event.userId(), companies::current);
            if (company.email() == null || company.email().isBlank()) {
                return;
            }
            send(openedMail(event, company.email().strip()), event.requestId());
        } catch (RuntimeException e) {
            LOG.warn("Mail of the new request {} not prepared: {}", event.requestId(), e.toString());
        }
    }

    private void send(OutgoingMail mail, java.util.UUID requestId) {
        try {
            outbox.send(mail);
        } catch (MailDeliveryException e) {
            LOG.warn("Mail about request {} not sent: {}", requestId, e.getMessage());
        }
    }

    /** The mail to the company: subject and body in Spanish, then in English; links to the back office's page. */
    OutgoingMail openedMail(RequestOpened event, String to) {
        String link = links.to(RequestRoutes.desk(event.requestId()));
        String subject = translations.getTranslation(
                "support.mail.opened.subject", SPANISH, event.subject(), requester(event, SPANISH));
        String body = openedBody(event, SPANISH, link) + "\n\n---\n\n" + openedBody(event, ENGLISH, link);
        return new OutgoingMail(List.of(to), List.of(), null, subject, body, List.of());
    }

    private String openedBody(RequestOpened event, Locale locale, String link) {
        return translations.getTranslation(
                "support.mail.opened.body",
                locale,
                event.openedByName(),
                requester(event, locale),
                event.subject(),
                link);
    }

    private String requester(RequestOpened event, Locale locale) {
        return switch (event.requester()) {
            case CLIENT -> translations.getTranslation("support.requester.client", locale);
            case SUPPLIER -> translations.getTranslation("support.requester.supplier", locale);
            case PROFESSIONAL -> translations.getTranslation("support.requester.professional", locale);
        };
    }

    /** The mail to the requester, in its language; links to the request in its portal. */
    OutgoingMail answeredMail(RequestAnswered event) {
        Locale locale = "en".equals(event.requesterLanguage()) ? ENGLISH : SPANISH;
        String subject = translations.getTranslation("support.mail.answered.subject", locale, event.subject());
        String body = translations.getTranslation(
                "support.mail.answered.body",
                locale,
                event.answeredBy(),
                event.subject(),
                links.to(RequestRoutes.portal(event.requestId())));
        return new OutgoingMail(List.of(event.requesterEmail()), List.of(), null, subject, body, List.of());
    }
}
