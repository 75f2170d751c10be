package com.nexo.purchasing.portal;

import com.nexo.base.mail.MailDeliveryException;
import com.nexo.base.mail.MailOutbox;
import com.nexo.base.mail.OutgoingMail;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the buyer who placed an order, by e-mail in the tenant's language, that its supplier
 * confirmed it or proposed changes; and the buyer who made an RFQ that a supplier declined to quote.
 * Sent after the response is committed, with no transaction open;
 * a mail server that refuses or cannot be reached is logged, and the response stands (the buyer also
 * sees it on the order's page).
 */
@Component
class SupplierResponseMail {

    private static final Logger LOG = LoggerFactory.getLogger(SupplierResponseMail.class);

    private final SupplierPortalStore store;
    private final MailOutbox outbox;
    private final I18NProvider translations;
    private final TransactionTemplate reading;

    SupplierResponseMail(
            SupplierPortalStore store,
            MailOutbox outbox,
            I18NProvider translations,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.outbox = outbox;
        this.translations = translations;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** Mails the order's buyer that the supplier {@code status} (CONFIRMED or PROPOSED) it. */
    void responded(UUID orderId, String status) {
        send(
                orderId,
                reading.execute(tx -> store.buyerOf(orderId)
                        .filter(buyer -> buyer.email() != null)
                        .map(buyer -> compose(buyer, status))));
    }

    /** Mails the RFQ's buyer that the supplier declined to quote, with its reason if it gave one. */
    void declined(UUID rfqId, String reason) {
        send(
                rfqId,
                reading.execute(tx -> store.buyerOfRfq(rfqId)
                        .filter(buyer -> buyer.email() != null)
                        .map(buyer -> composeDecline(buyer, reason))));
    }

    private void send(UUID documentId, Optional<OutgoingMail> mail) {
        if (mail == null || mail.isEmpty()) {
            LOG.info("No buyer to tell of the supplier's response to document {}", documentId);
            return;
        }
        try {
            outbox.send(mail.get());
        } catch (MailDeliveryException failure) {
            LOG.warn(
                    "The buyer of document {} was not mailed the supplier's response: {}",
                    documentId,
                    failure.getMessage());
        }
    }

    OutgoingMail composeDecline(SupplierPortalStore.Buyer buyer, String reason) {
        Locale locale = Locale.of("en".equals(buyer.language()) ? "en" : "es");
        Object[] about = {buyer.orderNumber(), buyer.supplierName(), reason};
        String subject = translations.getTranslation("portal.supplier.mail.declined.subject", locale, about);
        String text = reason == null
                ? translations.getTranslation("portal.supplier.mail.declined.text", locale, about)
                : translations.getTranslation("portal.supplier.mail.declined.text-reason", locale, about);
        return new OutgoingMail(List.of(buyer.email()), List.of(), null, subject, text, List.of());
    }

    OutgoingMail compose(SupplierPortalStore.Buyer buyer, String status) {
        Locale locale = Locale.of("en".equals(buyer.language()) ? "en" : "es");
        boolean proposed = "PROPOSED".equals(status);
        Object[] about = {buyer.orderNumber(), buyer.supplierName()};
        String subject = proposed
                ? translations.getTranslation("portal.supplier.mail.proposed.subject", locale, about)
                : translations.getTranslation("portal.supplier.mail.confirmed.subject", locale, about);
        String text = proposed
                ? translations.getTranslation("portal.supplier.mail.proposed.text", locale, about)
                : translations.getTranslation("portal.supplier.mail.confirmed.text", locale, about);
        return new OutgoingMail(List.of(buyer.email()), List.of(), null, subject, text, List.of());
    }
}
