package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.production.portal.PortalFixtures;
import com.nexo.production.portal.PortalFixtures.Assigned;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A professional logs two hours on a job in a real browser, in Spanish, on a phone-sized screen: from
 * the portal's jobs list to the job, accepted, two hours typed and logged; then the back office's
 * production order shows the task in progress with those two hours and their cost. Screenshots in
 * {@code target/screenshots/}.
 */
@NexoSpringTest
class ProfessionalPortalJourneyTest {

    /** A visible element by its id. */
    private static final String BY_ID = """
            const element = document.getElementById(arguments[0]);
            return element && element.checkVisibility() ? element : null;
            """;

    /** The input of a visible field by its id. */
    private static final String INPUT_BY_ID = """
            const field = document.getElementById(arguments[0]);
            return field && field.checkVisibility() ? field.querySelector('input') : null;
            """;

    /** The jobs list's visible cell with the text arguments[0]. */
    private static final String JOB_CELL = """
            return [...document.querySelectorAll('#professional-jobs vaadin-grid-cell-content')]
                .find(c => c.textContent.trim() === arguments[0] && c.checkVisibility()) || null;
            """;

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
    void a_professional_logs_two_hours_on_a_job_and_the_production_order_shows_them() {
        PortalFixtures me = new PortalFixtures(context, "Soldadora");
        Assigned job = me.job("3");
        String number = me.work.value(
                "SELECT number FROM production_order WHERE id = :id",
                java.util.Map.of("id", job.order()),
                String.class);

        browser.forgetCookies();
        browser.resizeViewport(390, 844);
        browser.open(url("/login"));
        browser.submitLoginForm(me.email, PortalFixtures.PASSWORD);
        browser.waitUntil("signed in", () -> !browser.currentPath().startsWith("/login"));

        browser.open(url("/portal/jobs"));
        browser.waitForVaadin();
        WebElement cell = browser.waitFor("the job in the list", () -> (WebElement) browser.script(JOB_CELL, number));
        browser.screenshot("portal-professional-jobs-390x844");
        cell.click();
        browser.waitUntil("the job's page", () -> browser.currentPath().equals("/portal/jobs/" + job.task()));
        browser.waitForVaadin();

        byId("job-accept").click();
        browser.waitForText("Trabajo aceptado.");
        WebElement hours = input("job-log-hours");
        hours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        input("job-log-note").sendKeys("Soldadura de la estructura", Keys.TAB);
        browser.waitForVaadin();
        byId("job-log").click();
        browser.waitForText("2 h registradas.");
        browser.screenshot("portal-professional-job-390x844");
        assertThat(browser.consoleErrors()).isEmpty();

        // The back office: the production order shows the professional's two hours at once.
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("produccion@demo.nexo", "Demo-2026!");
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.open(url("/production/orders/" + job.order()));
        browser.waitForVaadin();
        browser.waitUntil("the task's two hours and their cost", () -> {
            String text = browser.visibleText();
            return text.contains("60,00") && text.contains("En curso");
        });
        browser.screenshot("production-order-professional-hours-1280x800");
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
