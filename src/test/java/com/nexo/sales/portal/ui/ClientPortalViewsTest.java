package com.nexo.sales.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.demo.DemoTenant;
import com.nexo.portal.ui.PortalHomeView;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.sales.lists.SalesRow;
import com.nexo.sales.portal.ClientPortalService;
import com.nexo.sales.portal.QuoteAnswer;
import com.nexo.sales.portal.QuoteAnswerForm;
import com.nexo.sales.portal.QuoteAnswers;
import com.nexo.sales.portal.SalesSettings;
import com.nexo.sales.portal.SalesSettingsService;
import com.nexo.security.UserService;
import com.nexo.shell.ui.NotFoundView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The client portal's sales pages, as the demo client (cliente@demo.nexo) inside the portal frame:
 * its lists hold its own documents only, a quote is accepted (and becomes an order, the sales team is
 * told by e-mail and sees the answer on the quote) or rejected, a second or concurrent answer and a
 * blank name are refused and explained, another account's document is "not found", and the back office
 * and the portal refuse each other's users. The back office's sales settings save, and detect a
 * concurrent save.
 */
class ClientPortalViewsTest extends KaribuTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    private static final String CLIENT = "cliente@demo.nexo";
    private static final String ADMIN = "admin@demo.nexo";
    private static final String TEAM = "ventas-portal@demo.nexo";

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private ClientPortalService portal;

    @Autowired
    private QuoteAnswers answers;

    @Autowired
    private SalesSettingsService settings;

    @Autowired
    private UserService users;

    @BeforeEach
    void quotesAreMadeOrdersAndTheTeamIsToldAtItsAddress() {
        login(ADMIN);
        SalesSettings current = settings.settings();
        settings.save(new SalesSettings(true, TEAM, current.version()));
    }

    /** A quote sent to {@code client} today by the administrator (who stays logged in). */
    private UUID sentQuote(UUID client) {
        login(ADMIN);
        DocumentForm form = documents.newForm(DocumentKind.QUOTE, client);
        UUID article = documents.articlesMatching("SER-MO-TALLER", 1).getFirst().id();
        form.setLines(List.of(documents.lineFor(article, BigDecimal.valueOf(3), Locale.forLanguageTag("es"))));
        UUID quote = documents.save(form);
        flow.send(quote);
        return quote;
    }

    private ClientDocumentView openAsClient(UUID document) {
        login(CLIENT);
        UI.getCurrent().navigate(ClientDocumentView.class, ClientDocumentView.parameters(document));
        return _get(ClientDocumentView.class);
    }

    @Test
    void the_client_accepts_a_quote_which_becomes_an_order_that_the_sales_team_is_told_of() throws Exception {
        UUID quote = sentQuote(DemoTenant.CLIENT_PARTY);
        String number = documents.document(quote).number();
        ClientDocumentView page = openAsClient(quote);
        assertThat(page.accept.isVisible()).isTrue();

        _click(page.accept);
        QuoteAnswerDialog dialog = _get(QuoteAnswerDialog.class);
        dialog.name.setValue("Carmen Cliente");
        dialog.comment.setValue("Adelante con el pedido");
        _click(dialog.confirm);

        assertThat(_find(QuoteAnswerDialog.class)).isEmpty();
        assertThat(texts(_get(ClientDocumentView.class).answer)).contains("Carmen Cliente");
        assertThat(_find(ClientDocumentView.class).getFirst().accept.isAttached())
                .isFalse();

        login(ADMIN);
        QuoteAnswer recorded = answers.of(quote).orElseThrow();
        assertThat(recorded.accepted()).isTrue();
        assertThat(recorded.signedName()).isEqualTo("Carmen Cliente");
        assertThat(recorded.comment()).isEqualTo("Adelante con el pedido");
        assertThat(recorded.answeredBy()).isNotNull();
        assertThat(recorded.answeredAt()).isNotNull();
        assertThat(recorded.orderId()).isNotNull();
        SalesDocument order = documents.document(recorded.orderId());
        assertThat(order.kind()).isEqualTo(DocumentKind.ORDER);
        assertThat(order.accountId()).isEqualTo(DemoTenant.CLIENT_PARTY);
        assertThat(documents.document(quote).status()).isEqualTo(DocumentStatus.ACCEPTED);

        MimeMessage told = Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> subject(message).contains(number))
                .findFirst()
                .orElseThrow();
        assertThat(told.getAllRecipients()[0].toString()).isEqualTo(TEAM);

        // The back office shows the answer on the quote.
        UI.getCurrent().navigate("sales/document/" + quote);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("portal-answer-given"))
                        .getText())
                .contains("Carmen Cliente");
    }

    @Test
    void each_address_of_the_sales_team_is_told_in_the_language_its_user_chose() {
        login(ADMIN);
        String english = "sales-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.nexo";
        users.createUser(new UserService.NewUser(
                english, "Sam Sales", ActorType.EMPLOYEE, null, Set.of(), "Equipo-Ventas-2026!", "en"));
        String spanish = "ventas@demo.nexo";
        settings.save(new SalesSettings(
                true, spanish + "; " + english, settings.settings().version()));
        assertThat(settings.settings().notifyEmail()).isEqualTo(spanish + ", " + english);
        UUID quote = sentQuote(DemoTenant.CLIENT_PARTY);
        String number = documents.document(quote).number();

        login(CLIENT);
        portal.answer(quote, new QuoteAnswerForm(true, "Carmen Cliente", null), "127.0.0.1");

        List<MimeMessage> told = Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> subject(message).contains(number))
                .toList();
        assertThat(told).hasSize(2);
        assertThat(told).allSatisfy(message -> assertThat(recipients(message)).hasSize(1));
        MimeMessage toSpanish = told.stream()
                .filter(message -> recipients(message).contains(spanish))
                .findFirst()
                .orElseThrow();
        MimeMessage toEnglish = told.stream()
                .filter(message -> recipients(message).contains(english))
                .findFirst()
                .orElseThrow();
        assertThat(subject(toSpanish)).startsWith("Presupuesto " + number).contains("aceptado");
        assertThat(subject(toEnglish)).startsWith("Quote " + number).contains("accepted");
    }

    @Test
    void an_accepted_quote_says_its_draft_order_is_being_prepared_and_links_to_it_once_confirmed() {
        UUID quote = sentQuote(DemoTenant.CLIENT_PARTY);
        login(CLIENT);
        UUID order = portal.answer(quote, new QuoteAnswerForm(true, "Carmen Cliente", null), "127.0.0.1")
                .orderId();
        assertThat(order).isNotNull();

        // The order is a draft, which the client may not see: the page says the company prepares it.
        ClientDocumentView page = openAsClient(quote);
        assertThat(_get(page.answer, Paragraph.class, spec -> spec.withClasses("portal-answer-order-in-preparation"))
                        .getText())
                .isEqualTo(page.getTranslation("portal.client.answer.order-in-preparation"));
        assertThat(_find(page.answer, Anchor.class)).isEmpty();

        login(ADMIN);
        flow.confirm(order);
        String number = documents.document(order).number();

        page = openAsClient(quote);
        assertThat(_find(page.answer, Paragraph.class, spec -> spec.withClasses("portal-answer-order-in-preparation")))
                .isEmpty();
        Anchor link = _get(page.answer, Anchor.class, spec -> spec.withClasses("portal-answer-order"));
        assertThat(link.getText()).isEqualTo("Ver su pedido " + number);
        assertThat(link.getHref()).isEqualTo("portal/documents/" + order);
        UI.getCurrent().navigate(link.getHref());
        assertThat(_get(ClientDocumentView.class).getPageTitle()).contains(number);
    }

    @Test
    void a_quote_answered_meanwhile_a_blank_name_and_a_second_answer_are_refused_and_explained() {
        UUID quote = sentQuote(DemoTenant.CLIENT_PARTY);
        ClientDocumentView page = openAsClient(quote);
        _click(page.reject);
        QuoteAnswerDialog dialog = _get(QuoteAnswerDialog.class);
        dialog.name.setValue("  ");
        _click(dialog.confirm);
        assertThat(dialog.refusal.isVisible()).isTrue();
        assertThat(dialog.refusal.getText()).isEqualTo(dialog.getTranslation("portal.client.answer.name-required"));

        // Another session of the client answers first.
        portal.answer(quote, new QuoteAnswerForm(false, "Otra sesión", null), "127.0.0.1");
        dialog.name.setValue("Carmen Cliente");
        _click(dialog.confirm);
        assertThat(dialog.refusal.getText()).isEqualTo(dialog.getTranslation("portal.client.answer.already"));
        assertThatThrownBy(() -> portal.answer(quote, new QuoteAnswerForm(true, "Carmen", null), "127.0.0.1"))
                .isInstanceOfSatisfying(
                        SalesRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("portal.client.answer.already"));

        login(ADMIN);
        QuoteAnswer recorded = answers.of(quote).orElseThrow();
        assertThat(recorded.accepted()).isFalse();
        assertThat(recorded.signedName()).isEqualTo("Otra sesión");
        assertThat(recorded.orderId()).isNull();
        assertThat(documents.document(quote).status()).isEqualTo(DocumentStatus.SENT);

        // The rejected quote shows as rejected, with no buttons.
        ClientDocumentView again = openAsClient(quote);
        assertThat(again.accept.isAttached()).isFalse();
        assertThat(texts(again.answer)).contains("Otra sesión");
    }

    @Test
    void with_the_setting_off_an_accepted_quote_waits_for_the_sales_team_to_make_the_order() {
        login(ADMIN);
        SalesSettings current = settings.settings();
        settings.save(new SalesSettings(false, TEAM, current.version()));
        try {
            UUID quote = sentQuote(DemoTenant.CLIENT_PARTY);
            login(CLIENT);
            QuoteAnswer given = portal.answer(quote, new QuoteAnswerForm(true, "Carmen Cliente", null), "10.0.0.7");
            assertThat(given.orderId()).isNull();
            assertThat(given.clientIp()).isEqualTo("10.0.0.7");
            login(ADMIN);
            assertThat(documents.document(quote).status()).isEqualTo(DocumentStatus.SENT);
            assertThat(answers.of(quote).orElseThrow().accepted()).isTrue();
        } finally {
            login(ADMIN);
            SalesSettings now = settings.settings();
            settings.save(new SalesSettings(true, TEAM, now.version()));
        }
    }

    @Test
    void the_lists_hold_the_clients_own_documents_and_the_invoices_list_what_is_due() {
        UUID others = sentQuote(
                documents.clientsMatching("Talleres Ebro", 1).getFirst().id());
        UUID own = sentQuote(DemoTenant.CLIENT_PARTY);
        login(CLIENT);
        for (String route : List.of("portal/quotes", "portal/orders", "portal/deliveries", "portal/invoices")) {
            UI.getCurrent().navigate(route);
            ClientDocumentList list = _get(ClientDocumentList.class);
            List<SalesRow> rows = GridKt._fetch(list.grid, 0, 200);
            assertThat(rows).as(route).isNotEmpty();
            assertThat(rows).as(route).allMatch(row -> row.accountId().equals(DemoTenant.CLIENT_PARTY));
            assertThat(rows).as(route).noneMatch(row -> row.status() == DocumentStatus.DRAFT);
            assertThat(list.getParent()).isPresent();
        }
        UI.getCurrent().navigate("portal/quotes");
        List<SalesRow> quotes = GridKt._fetch(_get(ClientQuotesView.class).grid, 0, 200);
        assertThat(quotes).extracting(SalesRow::id).contains(own).doesNotContain(others);

        UI.getCurrent().navigate("portal/invoices");
        assertThat(_get(ClientInvoicesView.class).totalDue.getText()).startsWith("Total pendiente");
    }

    @Test
    void another_accounts_document_is_not_found_and_its_pdf_refused_while_the_own_one_prints() {
        UUID others = sentQuote(
                documents.clientsMatching("Talleres Ebro", 1).getFirst().id());
        UUID own = sentQuote(DemoTenant.CLIENT_PARTY);
        login(CLIENT);
        UI.getCurrent().navigate("portal/documents/" + others);
        _get(NotFoundView.class);
        assertThatThrownBy(() -> portal.pdf(others)).isInstanceOf(SalesRuleException.class);
        assertThatThrownBy(() -> portal.document(others)).isInstanceOf(SalesRuleException.class);
        assertThat(new String(portal.pdf(own), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
        ClientDocumentView page = openAsClient(own);
        assertThat(_find(page.output, Anchor.class)).hasSize(1);
    }

    @Test
    void the_home_page_tells_the_client_of_quotes_to_answer_and_invoices_to_pay() {
        sentQuote(DemoTenant.CLIENT_PARTY);
        login(CLIENT);
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();
        _get(PortalHomeView.class);
        List<String> links = _find(Anchor.class, spec -> spec.withClasses("portal-notice")).stream()
                .map(Anchor::getHref)
                .toList();
        assertThat(links).contains("portal/quotes", "portal/invoices");
    }

    @Test
    void the_portal_and_the_back_office_refuse_each_others_users() {
        login(CLIENT);
        for (String backOffice : List.of("sales/quotes", "sales/settings")) {
            assertThatThrownBy(() -> UI.getCurrent().navigate(backOffice))
                    .as(backOffice)
                    .hasRootCauseInstanceOf(AccessDeniedException.class);
        }
        for (String user : List.of(ADMIN, "proveedor@demo.nexo")) {
            login(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate("portal/quotes"))
                    .as(user)
                    .hasRootCauseInstanceOf(AccessDeniedException.class);
        }
        login(ADMIN);
        assertThatThrownBy(() -> portal.page(DocumentKind.QUOTE, null, 50))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void the_sales_settings_save_and_a_concurrent_save_is_explained() {
        login(ADMIN);
        UI.getCurrent().navigate("sales/settings");
        SalesSettingsView view = _get(SalesSettingsView.class);
        assertThat(view.toOrder.getValue()).isTrue();
        assertThat(view.notifyEmail.getValue()).isEqualTo(TEAM);

        // Someone else saves first.
        settings.save(
                new SalesSettings(true, "otro@demo.nexo", settings.settings().version()));
        view.toOrder.setValue(false);
        _click(view.save);
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).isEqualTo(view.getTranslation("portal.client.settings.conflict"));
        assertThat(settings.settings().acceptedQuoteToOrder()).isTrue();

        _click(view.reload);
        assertThat(view.notifyEmail.getValue()).isEqualTo("otro@demo.nexo");
        view.notifyEmail.setValue("no es un correo");
        _click(view.save);
        assertThat(view.problem.getText()).isEqualTo(view.getTranslation("portal.client.settings.bad-email"));

        view.notifyEmail.setValue(TEAM);
        _click(view.save);
        assertThat(view.problem.isVisible()).isFalse();
        assertThat(settings.settings().notifyEmail()).isEqualTo(TEAM);
    }

    private static String texts(com.vaadin.flow.component.Component component) {
        return component.getElement().getTextRecursively();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
