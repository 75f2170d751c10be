package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.crm.CrmLeadFixtures;
import com.nexo.crm.leads.LeadForm;
import com.nexo.crm.leads.LeadService;
import com.nexo.crm.webforms.WebFormForm;
import com.nexo.crm.webforms.WebFormService;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A salesperson's leads in a real browser in Spanish: the list with a duplicate badge, a lead's page
 * with its duplicate, and the web forms' settings with the snippet to paste, on a desktop and on a
 * tablet (screenshots in {@code target/screenshots/}), without sideways scrolling of the page.
 */
@NexoSpringTest
class LeadsJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

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
    void a_salesperson_reads_the_leads_a_duplicate_and_the_web_form_snippet() {
        CrmLeadFixtures fixtures = new CrmLeadFixtures(context);
        LeadService leads = context.getBean(LeadService.class);
        LeadForm first = CrmLeadFixtures.lead(null);
        first.setInterest("Renovar el mobiliario de 3 oficinas");
        first.setPhone("+34 600 100 200");
        fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(first));
        LeadForm second = CrmLeadFixtures.lead(null);
        second.setEmail(first.getEmail());
        UUID duplicate = fixtures.as(CrmLeadFixtures.SALES, () -> leads.create(second));
        WebFormForm form = new WebFormForm();
        form.setName("Contacto web " + CrmLeadFixtures.word());
        fixtures.as(
                CrmLeadFixtures.ADMIN,
                () -> context.getBean(WebFormService.class).create(form));

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("ventas@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        browser.open(url("/crm/leads"));
        browser.waitForText("Nuevo lead");
        browser.waitForText(second.getCompanyName());
        assertThat(browser.visibleText()).contains("1 posible duplicado");
        screenshots("crm-leads-list", "Alta");

        browser.open(url("/crm/leads/" + duplicate));
        browser.waitForText("Posibles duplicados");
        browser.waitForText("mismo correo");
        screenshots("crm-lead-detail", null);

        browser.forgetCookies();
        browser.open(url("/login"));
        browser.submitLoginForm("admin@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.open(url("/crm/settings/web-forms"));
        browser.waitForText(form.getName());
        assertThat(browser.visibleText()).contains("/crm/web-to-lead/");
        screenshots("crm-web-forms", null);
        browser.open(url("/crm/settings/assignment"));
        browser.waitForText("Nueva regla");
        screenshots("crm-assignment-rules", null);
    }

    /** Screenshots on a desktop and a tablet; {@code wideOnly}: a text the narrow page hides. */
    private void screenshots(String page, String wideOnly) {
        browser.settle();
        browser.screenshot(page + "-1280x800");
        assertThat(browser.sidewaysScrolling()).as(page + " at 1280 px").isNull();
        browser.tablet();
        if (wideOnly != null) {
            browser.waitUntil(
                    "the narrow page without " + wideOnly,
                    () -> !browser.visibleText().contains(wideOnly));
        }
        browser.settle();
        browser.screenshot(page + "-768x1024");
        assertThat(browser.sidewaysScrolling()).as(page + " at 768 px").isNull();
        browser.desktop();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
