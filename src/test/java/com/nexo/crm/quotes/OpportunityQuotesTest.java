package com.nexo.crm.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.demo.DemoTenant;
import com.nexo.sales.QuoteState;
import com.nexo.sales.SalesQuotes;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.sales.portal.QuoteAnswerForm;
import com.nexo.security.NexoUser;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opportunity to quote in the demo tenant, through the sales module's real services: the quote refers
 * to the opportunity, the opportunity's amount follows the quote's lines, and accepting the quote (in
 * the back office or by the client in the portal) wins the opportunity unless the tenant's setting is
 * off.
 */
@NexoSpringTest
class OpportunityQuotesTest {

    private static final String SALES = "ventas@demo.nexo";
    private static final String ADMIN = "admin@demo.nexo";
    private static final String CLIENT = "cliente@demo.nexo";

    @Autowired
    private OpportunityQuotes quotes;

    @Autowired
    private SalesQuotes salesQuotes;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private ClientPortalService portal;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private UUID opportunity;

    @BeforeEach
    void anOpenOpportunityOfTheDemoClient() {
        opportunity = opportunity(DemoTenant.CLIENT_PARTY);
    }

    @Test
    void a_quote_created_from_an_opportunity_refers_to_it_and_is_a_draft_for_its_account() {
        UUID quote = as(SALES, () -> quotes.createQuote(opportunity));

        assertThat(column("quote_id", UUID.class)).isEqualTo(quote);
        SalesDocument document = as(SALES, () -> documents.document(quote));
        assertThat(document.kind()).isEqualTo(DocumentKind.QUOTE);
        assertThat(document.accountId()).isEqualTo(DemoTenant.CLIENT_PARTY);
        assertThat(document.clientReference()).startsWith("Oportunidad de prueba");
        OpportunityQuote shown = as(SALES, () -> quotes.quoteOf(opportunity)).orElseThrow();
        assertThat(shown.quoteId()).isEqualTo(quote);
        assertThat(shown.quote().status()).isEqualTo("DRAFT");
        assertThat(shown.canCreate()).isFalse();
        // And the quote's page finds its way back to the opportunity.
        assertThat(as(SALES, () -> quotes.opportunityOf(quote)))
                .hasValueSatisfying(back -> assertThat(back.id()).isEqualTo(opportunity));
        assertThat(as(SALES, () -> quotes.opportunityOf(UUID.randomUUID()))).isEmpty();

        assertThatThrownBy(() -> as(SALES, () -> quotes.createQuote(opportunity)))
                .isInstanceOf(QuoteRuleException.class)
                .hasMessage("crm.quotes.rule.has-quote");
    }

    @Test
    void changing_the_quotes_lines_changes_the_opportunitys_amount_and_version() {
        UUID quote = as(SALES, () -> quotes.createQuote(opportunity));
        long before = column("version", Long.class);

        BigDecimal net = as(SALES, () -> {
            DocumentForm form = documents.getForm(quote);
            form.setLines(List.of(documents.lineFor(laserCutting(), BigDecimal.valueOf(4), Locale.of("es"))));
            documents.save(form);
            return documents.document(quote).baseAmount();
        });

        assertThat(net).isPositive();
        assertThat(column("amount", BigDecimal.class)).isEqualByComparingTo(net);
        assertThat(column("version", Long.class)).isGreaterThan(before);
        QuoteState state = as(SALES, () -> salesQuotes.quote(quote)).orElseThrow();
        assertThat(state.net()).isEqualByComparingTo(net);
    }

    @Test
    void accepting_the_quote_in_the_back_office_wins_the_opportunity() {
        UUID quote = quoteWithLines(opportunity);

        as(SALES, () -> flow.toOrder(quote, Map.of()));

        assertThat(column("status", String.class)).isEqualTo("WON");
        assertThat(column("closed_at", java.sql.Timestamp.class)).isNotNull();
        // Won as a user wins it: certain.
        assertThat(column("probability", Integer.class)).isEqualTo(100);
    }

    @Test
    void accepting_the_quote_does_not_win_the_opportunity_when_the_tenant_turned_it_off() {
        UUID quote = quoteWithLines(opportunity);
        as(ADMIN, () -> {
            quotes.setQuoteWinsOpportunity(false);
            return null;
        });
        try {
            assertThat(as(SALES, quotes::quoteWinsOpportunity)).isFalse();
            as(SALES, () -> flow.toOrder(quote, Map.of()));

            assertThat(column("status", String.class)).isEqualTo("OPEN");
        } finally {
            as(ADMIN, () -> {
                quotes.setQuoteWinsOpportunity(true);
                return null;
            });
        }
    }

    @Test
    void the_client_accepting_the_quote_in_the_portal_wins_the_opportunity() {
        UUID quote = quoteWithLines(opportunity);
        as(SALES, () -> {
            flow.send(quote);
            return null;
        });

        as(CLIENT, () -> portal.answer(quote, new QuoteAnswerForm(true, "Carmen Cliente", null), "127.0.0.1"));

        assertThat(column("status", String.class)).isEqualTo("WON");
    }

    @Test
    void a_closed_opportunity_or_one_the_user_does_not_see_gets_no_quote() {
        inDemo(() -> jdbc.sql("UPDATE crm_opportunity SET status = 'LOST', closed_at = now() WHERE id = ?")
                .param(opportunity)
                .update());
        assertThatThrownBy(() -> as(SALES, () -> quotes.createQuote(opportunity)))
                .isInstanceOf(QuoteRuleException.class)
                .hasMessage("crm.quotes.rule.closed");
        assertThatThrownBy(() -> as(SALES, () -> quotes.createQuote(UUID.randomUUID())))
                .isInstanceOf(QuoteRuleException.class)
                .hasMessage("crm.quotes.rule.not-found");
    }

    @Test
    void another_tenant_neither_sees_nor_follows_the_demo_tenants_opportunity() {
        UUID quote = as(SALES, () -> quotes.createQuote(opportunity));
        assertThatThrownBy(() -> as("admin@northwind.nexo", () -> quotes.createQuote(opportunity)))
                .isInstanceOf(QuoteRuleException.class)
                .hasMessage("crm.quotes.rule.not-found");
        assertThat(as("admin@northwind.nexo", () -> quotes.quoteOf(opportunity)))
                .isEmpty();
        // An event that names the quote in another tenant's transaction changes nothing here.
        UUID northwind = DemoTenant.NORTHWIND.id();
        TenantContext.callAsSystem(
                northwind,
                null,
                () -> new TransactionTemplate(transactionManager)
                        .execute(status -> jdbc.sql("UPDATE crm_opportunity SET amount = 1 WHERE quote_id = ?")
                                .param(quote)
                                .update()));
        assertThat(column("amount", BigDecimal.class)).isEqualByComparingTo("1234.00");
    }

    private UUID quoteWithLines(UUID opportunityId) {
        UUID quote = as(SALES, () -> quotes.createQuote(opportunityId));
        as(SALES, () -> {
            DocumentForm form = documents.getForm(quote);
            form.setLines(List.of(documents.lineFor(laserCutting(), BigDecimal.valueOf(2), Locale.of("es"))));
            return documents.save(form);
        });
        return quote;
    }

    private UUID laserCutting() {
        return documents.articlesMatching("SER-CORTE-LASER", 1).getFirst().id();
    }

    /** A new open opportunity of the demo salesperson for {@code account}, in a pipeline of its own. */
    private UUID opportunity(UUID account) {
        UUID seller = ((NexoUser) users.loadUserByUsername(SALES)).userId();
        UUID id = UUID.randomUUID();
        UUID pipeline = UUID.randomUUID();
        UUID stage = UUID.randomUUID();
        inDemo(() -> {
            jdbc.sql("INSERT INTO crm_pipeline (id, name) VALUES (?, ?)")
                    .params(pipeline, "Presupuestos " + pipeline)
                    .update();
            jdbc.sql(
                            "INSERT INTO crm_stage (id, pipeline_id, name, position, probability) VALUES (?, ?, 'Oferta', 1, 60)")
                    .params(stage, pipeline)
                    .update();
            return jdbc.sql("""
                            INSERT INTO crm_opportunity (id, title, pipeline_id, stage_id, account_id, amount, probability,
                                                         expected_close, owner_id)
                            VALUES (?, ?, ?, ?, ?, 1234.00, 60, current_date + 30, ?)""")
                    .params(id, "Oportunidad de prueba " + id, pipeline, stage, account, seller)
                    .update();
        });
        return id;
    }

    private <T> T column(String column, Class<T> type) {
        return inDemo(() -> jdbc.sql("SELECT " + column + " FROM crm_opportunity WHERE id = ?")
                .param(opportunity)
                .query(type)
                .single());
    }

    private <T> T inDemo(Supplier<T> work) {
        return TenantContext.callAsSystem(
                DemoTenant.DEMO.id(), null, () -> new TransactionTemplate(transactionManager).execute(s -> work.get()));
    }

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }
}
