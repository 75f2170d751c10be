package com.nexo.crm.quotes;

import com.nexo.sales.QuoteAccepted;
import com.nexo.sales.QuoteTotalChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a quote does to the opportunity it was made from, in the sales transaction that changed the
 * quote (one statement each, by the unique index on {@code quote_id}): its amount (and currency)
 * follow the quote's net total; accepting the quote wins the opportunity when it is still open and
 * the tenant's setting says so ({@code crm_quote_settings}, on by default). These are consequences of
 * a sales step the user was allowed to take, so the CRM visibility of the user is not asked. Each
 * update keeps the row's version and {@code updated_at} right, so an opportunity form open meanwhile
 * is told that it changed.
 */
@Component
class QuoteFollower {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteFollower.class);

    private static final String AMOUNT = """
            UPDATE crm_opportunity
               SET amount = :net, currency = :currency, updated_at = now(), version = version + 1
             WHERE quote_id = :quote AND (amount <> :net OR currency <> :currency)""";

    private static final String WIN = """
            UPDATE crm_opportunity
               SET status = 'WON', closed_at = now(), updated_at = now(), version = version + 1
             WHERE quote_id = :quote AND status = 'OPEN'
               AND coalesce((SELECT s.quote_wins_opportunity FROM crm_quote_settings s), true)""";

    private final JdbcClient jdbc;

    QuoteFollower(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void totalChanged(QuoteTotalChanged event) {
        int changed = jdbc.sql(AMOUNT)
                .param("net", event.net())
                .param("currency", event.currency())
                .param("quote", event.quoteId())
                .update();
        if (changed > 0) {
            LOG.debug("Opportunity of quote {} now amounts to {} {}", event.quoteId(), event.net(), event.currency());
        }
    }

    @EventListener
    void accepted(QuoteAccepted event) {
        int won = jdbc.sql(WIN).param("quote", event.quoteId()).update();
        if (won > 0) {
            LOG.info("Opportunity of quote {} won: the quote was accepted", event.quoteId());
        }
    }
}
