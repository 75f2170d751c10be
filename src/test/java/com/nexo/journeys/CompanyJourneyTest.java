package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo administrator opens the company details in a real browser: the demo tenant's details and
 * logo are there, on a desktop and on a tablet, without sideways scrolling. Screenshots end up in
 * {@code target/screenshots/}.
 */
@NexoSpringTest
class CompanyJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    @LocalServerPort
    private int port;

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
    void the_administrator_sees_the_company_details_on_a_desktop_and_a_tablet() {
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("admin@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        browser.open(url("/admin/company"));
        browser.waitForText("Identificación");
        browser.waitForVaadin();
        assertThat(browser.visibleText()).contains("Razón social", "NIF / CIF", "IBAN", "Subir logotipo");
        assertThat(browser.findAll("main img")).as("the demo logo").isNotEmpty();
        browser.screenshot("company-1280x800");
        assertNoSidewaysScrolling("1280 px");

        browser.tablet();
        browser.settle();
        browser.screenshot("company-768x1024");
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
