package com.nexo.crm.quotes;

import com.nexo.crm.CrmPermissions;
import com.nexo.crm.visibility.CrmVisibility;
import com.nexo.crm.visibility.Visibility;
import com.nexo.sales.QuoteState;
import com.nexo.sales.SalesPermissions;
import com.nexo.sales.SalesQuotes;
import com.nexo.sales.SalesRuleException;
import com.nexo.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes made from opportunities: one quote per opportunity, made through the sales module's API for
 * the opportunity's account and contact, with the opportunity's title as the client's reference; the
 * opportunity then refers to it ({@code crm_opportunity.quote_id}), and from then on its amount
 * follows the quote's net total and accepting the quote can win it ({@link QuoteFollower}). Also the
 * tenant's setting of whether it does ({@code crm_quote_settings}).
 */
@Service
public class OpportunityQuotes {

    private static final String LOCK = """
            SELECT account_id, contact_id, title, owner_id, status, quote_id
              FROM crm_opportunity WHERE id = ? FOR UPDATE""";

    private static final String READ = "SELECT owner_id, status, quote_id FROM crm_opportunity WHERE id = ?";

    private static final String LINK = """
            UPDATE crm_opportunity SET quote_id = ?, updated_at = now(), version = version + 1
             WHERE id = ? AND quote_id IS NULL""";

    private static final String WINS = "SELECT quote_wins_opportunity FROM crm_quote_settings";

    private static final String SET_WINS = """
            INSERT INTO crm_quote_settings (quote_wins_opportunity) VALUES (?)
            ON CONFLICT (tenant_id) DO UPDATE
               SET quote_wins_opportunity = excluded.quote_wins_opportunity, updated_at = now(),
                   version = crm_quote_settings.version + 1""";

    private final JdbcClient jdbc;
    private final CrmVisibility visibility;
    private final SalesQuotes quotes;

    OpportunityQuotes(JdbcClient jdbc, CrmVisibility visibility, SalesQuotes quotes) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.quotes = quotes;
    }

    /**
     * Makes the opportunity's quote (a draft for its account) and returns its id. Refused with nothing
     * made: an opportunity the user does not see ({@code crm.quotes.rule.not-found}), one that has a
     * quote ({@code crm.quotes.rule.has-quote}) or is closed ({@code crm.quotes.rule.closed}), an
     * account that is not a client ({@code crm.quotes.rule.not-client}); without {@code sales.create},
     * access is denied.
     */
    @Transactional
    @RolesAllowed(CrmPermissions.EDIT)
    public UUID createQuote(UUID opportunityId) {
        Visibility seen = visibility.current();
        Locked opportunity = jdbc.sql(LOCK)
                .param(opportunityId)
                .query((rs, n) -> new Locked(
                        rs.getObject("account_id", UUID.class),
                        rs.getObject("contact_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("owner_id", UUID.class),
                        rs.getString("status"),
                        rs.getObject("quote_id", UUID.class)))
                .optional()
                .filter(found -> seen.sees(found.ownerId()))
                .orElseThrow(() -> new QuoteRuleException("crm.quotes.rule.not-found"));
        if (opportunity.quoteId() != null) {
            throw new QuoteRuleException("crm.quotes.rule.has-quote");
        }
        if (!"OPEN".equals(opportunity.status())) {
            throw new QuoteRuleException("crm.quotes.rule.closed");
        }
        UUID quoteId;
        try {
            quoteId = quotes.createQuote(opportunity.accountId(), opportunity.contactId(), opportunity.title());
        } catch (SalesRuleException refused) {
            if ("sales.rule.not-a-client".equals(refused.messageKey())) {
                throw new QuoteRuleException("crm.quotes.rule.not-client");
            }
            throw refused;
        }
        if (jdbc.sql(LINK).params(quoteId, opportunityId).update() != 1) {
            throw new QuoteRuleException("crm.quotes.rule.has-quote");
        }
        return quoteId;
    }

    /** The opportunity's quote (empty: an opportunity the user does not see). */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public Optional<OpportunityQuote> quoteOf(UUID opportunityId) {
        Visibility seen = visibility.current();
        return jdbc.sql(READ)
                .param(opportunityId)
                .query((rs, n) -> new Object[] {
                    rs.getObject("owner_id", UUID.class), rs.getString("status"), rs.getObject("quote_id", UUID.class)
                })
                .optional()
                .filter(row -> seen.sees((UUID) row[0]))
                .map(row -> {
                    UUID quoteId = (UUID) row[2];
                    QuoteState quote = quoteId != null && CurrentUser.can(SalesPermissions.READ)
                            ? quotes.quote(quoteId).orElse(null)
                            : null;
                    boolean canCreate = quoteId == null
                            && "OPEN".equals(row[1])
                            && CurrentUser.can(CrmPermissions.EDIT)
                            && CurrentUser.can(SalesPermissions.CREATE);
                    return new OpportunityQuote(opportunityId, quoteId, quote, canCreate);
                });
    }

    /** The opportunity a quote was made from, by its title and status (empty: none, or one the user does not see). */
    @Transactional(readOnly = true)
    @RolesAllowed(CrmPermissions.READ)
    public Optional<QuotedOpportunity> opportunityOf(UUID quoteId) {
        Visibility seen = visibility.current();
        return jdbc.sql("SELECT id, title, status, owner_id FROM crm_opportunity WHERE quote_id = ?")
                .param(quoteId)
                .query((rs, n) -> new Object[] {
                    new QuotedOpportunity(
                            rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("status")),
                    rs.getObject("owner_id", UUID.class)
                })
                .optional()
                .filter(row -> seen.sees((UUID) row[1]))
                .map(row -> (QuotedOpportunity) row[0]);
    }

    /** An opportunity as its quote's page names it: {@code status} is OPEN, WON or LOST. */
    public record QuotedOpportunity(UUID id, String title, String status) {}

    /** Whether accepting an opportunity's quote wins the opportunity (on unless the tenant turned it off). */
    @Transactional(readOnly = true)
    @RolesAllowed({CrmPermissions.READ, CrmPermissions.SETTINGS})
    public boolean quoteWinsOpportunity() {
        return winsNow();
    }

    @Transactional
    @RolesAllowed(CrmPermissions.SETTINGS)
    public void setQuoteWinsOpportunity(boolean wins) {
        jdbc.sql(SET_WINS).param(wins).update();
    }

    /** The setting in the caller's transaction. */
    boolean winsNow() {
        return jdbc.sql(WINS).query(Boolean.class).optional().orElse(true);
    }

    private record Locked(UUID accountId, UUID contactId, String title, UUID ownerId, String status, UUID quoteId) {}
}
