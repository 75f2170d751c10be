package com.nexo.sales.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.demo.DemoTenant;
import com.nexo.journeys.Browser;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The client portal in a real browser on a phone (390 x 844), in Spanish: the sales team has sent the
 * demo client a quote; the client (cliente@demo.nexo) logs in, opens the quote from its quotes list's
 * address, accepts it with its name, and sees the answer recorded; then the salesperson
 * (ventas@demo.nexo) logs in on a desktop and finds, on the quote's back-office page, the client's
 * answer and the order it became, and opens that order. Screenshots in {@code target/screenshots/}.
 */
@NexoSpringTest
class ClientPortalJourneyTest {

    private static final String CLIENT = "cliente@demo.nexo";
    private static final String SELLER = "ventas@demo.nexo";
    private static final String PASSWORD = "Demo-2026!";

    private static final String BY_ID = """
            const element = document.getElementById(arguments[0]);
            return element && element.checkVisibility() ? element : null;
            """;

    private static final String INPUT_BY_ID = """
            const field = document.getElementById(arguments[0]);
            return field && field.checkVisibility() ? field.querySelector('input, textarea') : null;
            """;

    private static final String NO_SIDEWAYS_SCROLL = """
            const extra = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            return extra > 1 ? 'scrolls sideways by ' + extra + ' px' : null;
            """;

    @LocalServerPort
    private int port;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private QuoteAnswers answers;

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(Locale.forLanguageTag("es-ES"));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_client_accepts_a_quote_on_a_phone_and_the_salesperson_sees_the_order_in_the_back_office() {
        UUID quote = LoggedIn.asUser(users, SELLER, () -> {
            DocumentForm form = documents.newForm(DocumentKind.QUOTE, DemoTenant.CLIENT_PARTY);
            UUID article =
                    documents.articlesMatching("SER-CORTE-LASER", 1).getFirst().id();
            form.setLines(List.of(documents.lineFor(article, BigDecimal.valueOf(4), Locale.forLanguageTag("es"))));
            UUID id = documents.save(form);
            flow.send(id);
            return id;
        });
        String number =
                LoggedIn.asUser(users, SELLER, () -> documents.document(quote).number());

        // The client, on a phone.
        browser.forgetCookies();
        browser.resizeViewport(390, 844);
        browser.open(url("/login"));
        browser.submitLoginForm(CLIENT, PASSWORD);
        browser.waitUntil(
                "the client's start page", () -> !browser.currentPath().startsWith("/login"));
        browser.waitForVaadin();
        browser.open(url("/portal/quotes"));
        browser.waitForVaadin();
        browser.waitForText(number);
        browser.open(url("/portal/documents/" + quote));
        browser.waitForVaadin();
        browser.screenshot("client-portal-quote-390x844");
        assertThat(browser.script(NO_SIDEWAYS_SCROLL))
                .as("the quote's page at 390 px")
                .isNull();
        byId("portal-accept").click();
        browser.waitForVaadin();
        input("portal-answer-name").sendKeys("Carmen Cliente");
        browser.waitForVaadin();
        byId("portal-answer-confirm").click();
        browser.waitForVaadin();
        browser.waitUntil(
                "the answer recorded on the page",
                () -> Boolean.TRUE.equals(browser.script("const a = document.getElementById('portal-quote-answer');"
                        + " return !!a && a.textContent.includes('Aceptado por Carmen Cliente');")));
        browser.screenshot("client-portal-quote-accepted-390x844");

        UUID order = LoggedIn.asUser(
                users, SELLER, () -> answers.of(quote).orElseThrow().orderId());
        assertThat(order).isNotNull();

        // The salesperson, at the office.
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(SELLER, PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();
        browser.open(url("/sales/document/" + quote));
        browser.waitForVaadin();
        browser.waitForText("Aceptado por el cliente en el portal");
        browser.screenshot("client-portal-back-office-quote-1280x800");
        browser.open(url("/sales/document/" + order));
        browser.waitForVaadin();
        browser.waitForText(number);
        browser.screenshot("client-portal-back-office-order-1280x800");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private WebElement byId(String id) {
        return browser.waitFor("#" + id, () -> (WebElement) browser.script(BY_ID, id));
    }

    private WebElement input(String id) {
        return browser.waitFor("the input of #" + id, () -> (WebElement) browser.script(INPUT_BY_ID, id));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
