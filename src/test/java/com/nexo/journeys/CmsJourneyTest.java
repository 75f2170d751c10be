package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CMS in a real browser, in Spanish: the demo content editor writes a news item for clients in
 * the editor ({@code cms/content/new/NEWS}: title and Markdown body in Spanish, the clients' audience
 * ticked), saves and publishes it, and leaves; the demo client logs in and finds the news item's title
 * among the news on its portal home page; then a browser with no session opens the demo tenant's public
 * page {@code /p/demo/quienes-somos}, which shows its title in {@code <title>} and {@code <h1>} without
 * any login. Screenshots at 1280 and 768 px (the public page also at 390 px) in {@code
 * target/screenshots/}, without sideways scrolling.
 */
@NexoSpringTest
class CmsJourneyTest {

    private static final String EDITOR = "contenidos@demo.nexo";
    private static final String CLIENT = "cliente@demo.nexo";
    private static final String PASSWORD = "Demo-2026!";
    /** The demo's public page (DemoCms), in Spanish. */
    private static final String PUBLIC_TITLE = "Quiénes somos";

    /** The input (or text area) of a visible field by its id. */
    private static final String INPUT_BY_ID = """
            const field = document.getElementById(arguments[0]);
            return field && field.checkVisibility() ? field.querySelector('input, textarea') : null;
            """;

    /** A visible element by its id. */
    private static final String BY_ID = """
            const element = document.getElementById(arguments[0]);
            return element && element.checkVisibility() ? element : null;
            """;

    /** The checkbox of the group arguments[0] whose label contains arguments[1]. */
    private static final String CHECKBOX = """
            const group = document.getElementById(arguments[0]);
            if (!group) return null;
            return [...group.querySelectorAll('vaadin-checkbox')]
                .find(box => box.textContent.includes(arguments[1]) || (box.label || '').includes(arguments[1]))
                || null;
            """;

    /** The visible tab whose text is arguments[0]. */
    private static final String TAB = """
            return [...document.querySelectorAll('vaadin-tab')]
                .find(tab => tab.textContent.trim() === arguments[0] && tab.checkVisibility()) || null;
            """;

    /** Whether the published content on the portal's home page (where a client lands) shows the text. */
    private static final String PORTAL_NEWS_WITH = """
            return [...document.querySelectorAll('.portal-home .cms-published')]
                .some(card => card.checkVisibility() && card.textContent.includes(arguments[0]));
            """;

    /** Null when the page scrolls no sideways; else how much wider it is than the window. */
    private static final String NO_SIDEWAYS_SCROLL = """
            const extra = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            return extra > 1 ? 'scrolls sideways by ' + extra + ' px' : null;
            """;

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
    void news_for_clients_is_published_and_seen_by_a_client_and_a_public_page_opens_without_login() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String title = "Horario de Navidad " + tag;

        // The content editor writes the news item for clients, saves it and publishes it.
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(EDITOR, PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();
        browser.open(url("/cms/content/new/NEWS"));
        browser.waitForVaadin();
        input("cms-title-es").sendKeys(title);
        input("cms-body-es").sendKeys("Del **24 al 26 de diciembre** atendemos de 9:00 a 14:00.");
        browser.waitForVaadin();
        // The audiences are on the editor's "Publicación" tab.
        browser.waitFor("the publication tab", () -> (WebElement) browser.script(TAB, "Publicación"))
                .click();
        browser.waitForVaadin();
        WebElement clients = browser.waitFor(
                "the clients' audience", () -> (WebElement) browser.script(CHECKBOX, "cms-audiences", "Clientes"));
        clients.click();
        browser.waitForVaadin();
        byId("cms-save").click();
        browser.waitForVaadin();
        browser.waitUntil(
                "the saved item's address", () -> browser.currentPath().matches("/cms/content/[0-9a-f-]{36}"));
        byId("cms-publish").click();
        browser.waitForVaadin();
        browser.waitUntil(
                "the item's state published",
                () -> Boolean.TRUE.equals(browser.script("const s = document.getElementById('cms-status');"
                        + " return !!s && s.textContent.includes('Publicado');")));
        screenshots("cms-journey-editor");

        // The client finds it among the news on its portal home page, where it lands after login.
        browser.forgetCookies();
        browser.open(url("/login"));
        browser.submitLoginForm(CLIENT, PASSWORD);
        browser.waitUntil(
                "the client's start page", () -> !browser.currentPath().startsWith("/login"));
        browser.waitForVaadin();
        browser.waitUntil(
                "the portal's news with " + title, () -> Boolean.TRUE.equals(browser.script(PORTAL_NEWS_WITH, title)));
        screenshots("cms-journey-client-news");

        // Nobody logged in: the public page of the demo tenant.
        browser.forgetCookies();
        // A page served without Vaadin: no client to wait for.
        browser.driver().get(url("/p/demo/quienes-somos"));
        browser.waitUntil(
                "the public page's heading", () -> !browser.findAll("h1").isEmpty());
        assertThat(browser.driver().getTitle()).contains(PUBLIC_TITLE);
        assertThat(browser.find("h1").getText()).contains(PUBLIC_TITLE);
        assertThat(browser.currentPath()).isEqualTo("/p/demo/quienes-somos");
        screenshots("cms-journey-public-page");
        browser.resizeViewport(390, 844);
        browser.waitUntil("the public page fits a phone", () -> browser.script(NO_SIDEWAYS_SCROLL) == null);
        browser.screenshot("cms-journey-public-page-390x844");
        browser.desktop();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private WebElement byId(String id) {
        return browser.waitFor("#" + id, () -> (WebElement) browser.script(BY_ID, id));
    }

    private WebElement input(String id) {
        return browser.waitFor("the input of #" + id, () -> (WebElement) browser.script(INPUT_BY_ID, id));
    }

    private void screenshots(String name) {
        browser.desktop();
        browser.settle();
        browser.screenshot(name + "-1280x800");
        assertThat(browser.script(NO_SIDEWAYS_SCROLL)).as("%s at 1280 px", name).isNull();
        browser.tablet();
        browser.waitUntil(name + " fits a tablet", () -> browser.script(NO_SIDEWAYS_SCROLL) == null);
        browser.screenshot(name + "-768x1024");
        browser.desktop();
        browser.settle();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
