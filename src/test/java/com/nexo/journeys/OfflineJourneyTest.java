package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.base.ui.Translations;
import com.nexo.testing.NexoSpringTest;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page that loses its connection, in a real browser taken off the network with DevTools' offline
 * emulation: it says so in NEXO's words and the user's language (the words of the PWA's offline
 * page), says "trying again" while a click waits to be sent, and "connection restored" once the click
 * went through. Screenshots in {@code target/screenshots/offline-*}.
 */
@NexoSpringTest
class OfflineJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    private static final String INDICATOR = "vaadin-connection-indicator";

    @LocalServerPort
    private int port;

    @Autowired
    private Translations translations;

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

    @BeforeEach
    void newVisitorOnADesktop() {
        browser.consoleErrors();
        browser.forgetCookies();
        browser.desktop();
    }

    @AfterEach
    void backOnline() {
        network(true);
    }

    @Test
    void offline_the_page_says_so_in_spanish_and_a_click_made_meanwhile_goes_through_once_back() {
        Locale spanish = Translations.SPANISH;
        logIn("admin@demo.nexo");
        browser.waitForText("Hola, Ana Administradora");

        network(false);
        String offline = waitForNotice("offline");
        assertThat(offline).isEqualTo(translations.getTranslation("offline.text", spanish));
        browser.screenshot("offline-es-1280x800");

        // A click while offline: the navigation waits, and the notice says it is being tried again.
        WebElement accounts = browser.find("vaadin-side-nav-item[path='accounts']");
        browser.shadow(accounts, "a").click();
        String retrying = waitForNotice("reconnecting");
        assertThat(retrying).isEqualTo(translations.getTranslation("connection.reconnecting", spanish));
        rawScreenshot("offline-es-1280x800-retrying");

        network(true);
        browser.waitUntil("the notice to go", () -> noticeState().equals("connected"));
        assertThat(noticeText()).isEqualTo(translations.getTranslation("connection.restored", spanish));
        browser.waitUntil(
                "the click made offline to open the accounts",
                () -> browser.currentPath().equals("/accounts"));
        browser.waitForVaadin();
        assertThat(browser.visibleText()).doesNotContain("Connection lost", "Online");

        // On a tablet, on the dashboard: resized while online, because resizing talks to the server
        // (the accounts list hears of it 300 ms late, which could fall after going offline).
        browser.tablet();
        browser.open(url("/"));
        network(false);
        assertThat(waitForNotice("offline")).isEqualTo(translations.getTranslation("offline.text", spanish));
        browser.screenshot("offline-es-768x1024");
    }

    @Test
    void an_english_user_reads_the_notice_in_english_and_the_offline_page_follows_the_application() {
        Locale english = Translations.ENGLISH;
        logIn("admin@northwind.nexo");
        browser.waitForText("Welcome, ");

        network(false);
        assertThat(waitForNotice("offline")).isEqualTo(translations.getTranslation("offline.text", english));
        browser.screenshot("offline-en-1280x800");
        network(true);
        browser.waitUntil("the notice to go", () -> noticeState().equals("connected"));
        assertThat(noticeText()).isEqualTo(translations.getTranslation("connection.restored", english));

        // The PWA's offline page (the service worker shows it when a page cannot load at all) speaks
        // the language the application last spoke in this browser, although the browser is Spanish.
        browser.driver().get(url("/offline.html"));
        browser.waitUntil(
                "the offline page in English",
                () -> "en".equals(browser.script("return document.documentElement.lang;")));
        assertThat(browser.visibleText())
                .contains(translations.getTranslation("offline.text", english))
                .contains(translations.getTranslation("offline.retry", english))
                .doesNotContain(translations.getTranslation("offline.text", Translations.SPANISH));
        browser.screenshot("offline-page-en-1280x800");
    }

    private void logIn(String email) {
        browser.open(url("/login"));
        browser.submitLoginForm(email, PASSWORD);
        browser.waitUntil("the dashboard", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();
    }

    /** Takes the browser off the network, or puts it back, as DevTools' "Offline" switch does. */
    private static void network(boolean online) {
        if (browser == null) {
            return;
        }
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver()
                .executeCdpCommand(
                        "Network.emulateNetworkConditions",
                        Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Waits until the connection indicator is in {@code state} (offline, reconnecting) and gives its text. */
    private String waitForNotice(String state) {
        browser.waitUntil(
                "the connection notice to be " + state,
                () -> Boolean.TRUE.equals(browser.script(
                        "return document.querySelector(arguments[0]).hasAttribute(arguments[1]);", INDICATOR, state)));
        return noticeText();
    }

    private String noticeState() {
        return (String) browser.script("return window.Vaadin.connectionState.state;");
    }

    private String noticeText() {
        return ((String) browser.script(
                        "return document.querySelector(arguments[0] + ' .v-status-message').textContent;", INDICATOR))
                .strip();
    }

    /** A screenshot while Vaadin has a request waiting (Browser.screenshot would wait for it). */
    private static void rawScreenshot(String name) {
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(
                    Browser.SCREENSHOTS.resolve(name + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
