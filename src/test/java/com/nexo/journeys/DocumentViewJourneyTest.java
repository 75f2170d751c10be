package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.ArticleDirectory;
import com.nexo.demo.DemoTenant;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.sales.documents.SalesFlowService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The sales user opens a confirmed order's page and the editor of a new order in a real browser, on
 * a desktop and on a tablet, without sideways scrolling. Screenshots end up in {@code
 * target/screenshots/}.
 */
@NexoSpringTest
class DocumentViewJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    @LocalServerPort
    private int port;

    @Autowired
    private UserDetailsService userDetails;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private SalesFlowService flow;

    @Autowired
    private ArticleDirectory articles;

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

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    /** A confirmed order of two demo articles for the demo client, made through the services. */
    private UUID confirmedOrder() {
        UserDetails user = userDetails.loadUserByUsername("ventas@demo.nexo");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        DocumentForm form = documents.newForm(DocumentKind.ORDER, DemoTenant.CLIENT_PARTY);
        form.getLines()
                .add(documents.lineFor(
                        articles.lookUp("TOR-DIN933-M6X20", 1).getFirst().id(), new BigDecimal("40"), Locale.of("es")));
        form.getLines()
                .add(documents.lineFor(articles.lookUp("tuerca", 1).getFirst().id(), BigDecimal.TEN, Locale.of("es")));
        UUID order = documents.save(form);
        flow.confirm(order);
        return order;
    }

    @Test
    void the_sales_user_sees_an_order_and_writes_a_new_one_on_a_desktop_and_a_tablet() {
        UUID order = confirmedOrder();
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("ventas@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        browser.open(url("/sales/document/" + order));
        browser.waitForText("Documentos relacionados");
        browser.waitForVaadin();
        assertThat(browser.visibleText()).contains("Hostelería Sol, S.L.", "Confirmado", "Entregar", "Base imponible");
        browser.screenshot("sales-order-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.settle();
        browser.screenshot("sales-order-768x1024");
        assertNoSidewaysScrolling("768 px");

        browser.desktop();
        browser.open(url("/sales/document/new/order?account=" + DemoTenant.CLIENT_PARTY));
        browser.waitForText("Añadir artículo");
        browser.waitForVaadin();
        browser.screenshot("sales-editor-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.open(url("/sales/document/new/order?account=" + DemoTenant.CLIENT_PARTY));
        browser.waitForText("Añadir artículo");
        browser.waitForVaadin();
        browser.settle();
        browser.screenshot("sales-editor-768x1024");
        assertNoSidewaysScrolling("768 px");
        browser.desktop();
    }

    private void assertNoSidewaysScrolling(String width) {
        Object scrolls = browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(scrolls).as("the page scrolls sideways at %s", width).isEqualTo(false);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
