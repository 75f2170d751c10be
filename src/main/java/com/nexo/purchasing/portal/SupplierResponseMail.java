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
 * confirmed it or proposed changes. Sent after the response is committed, with no transaction open;
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
        Optional<OutgoingMail> mail = reading.execute(tx ->
                store.buyerOf(orderId).filter(buyer -> buyer.email() != null).map(buyer -> compose(buyer, status)));
        if (mail == null || mail.isEmpty()) {
            LOG.info("No buyer to tell of the supplier's response to order {}", orderId);
            return;
        }
        try {
            outbox.send(mail.get());
        } catch (MailDeliveryException failure) {
            LOG.warn("The buyer of order {} was not mailed the supplier's response: {}", orderId, failure.getMessage());
        }
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
