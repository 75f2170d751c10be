package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.tenancy.ActorType;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WindowType;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser on one node with session records in Redis (the tests' mode), checking every second
 * (the tests' touch interval): many rapid clicks in two tabs of one session at once. No click may be
 * lost, and neither the server nor the browser may report message-id, resynchronisation or session
 * trouble: Vaadin must see the same live session, under one lock, in every request.
 */
@NexoSpringTest
class SessionsJourneyTest {

    private static final UUID DEMO_TENANT = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String PASSWORD = "Journey-Clicks-2026";
    private static final int CLICKS = 60;

    private static Browser browser;

    @LocalServerPort
    private int port;

    @Autowired
    private UserService users;

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
    void rapid_clicks_in_two_tabs_of_one_session_are_all_counted_without_errors() {
        String email = newUser();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> serverLog = new ListAppender<>();
        serverLog.start();
        root.addAppender(serverLog);
        try {
            browser.consoleErrors();
            browser.forgetCookies();
            browser.open(url("/login"));
            browser.submitLoginForm(email, PASSWORD);
            browser.waitUntil("logged in", () -> !browser.currentPath().equals("/login"));
            Cookie record = browser.driver().manage().getCookieNamed("NEXO_SESSION");
            assertThat(record).as("the session has a record in Redis").isNotNull();

            browser.open(url("/journey/clicks"));
            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(url("/journey/clicks"));
            String second = browser.driver().getWindowHandle();

            // Both tabs fire their clicks without waiting for answers, so their requests overlap.
            browser.driver().switchTo().window(first);
            clickRapidly();
            browser.driver().switchTo().window(second);
            clickRapidly();

            browser.waitUntil(
                    "all clicks of the second tab counted",
                    () -> text("page-clicks").equals(String.valueOf(CLICKS)));
            browser.driver().switchTo().window(first);
            browser.waitUntil(
                    "all clicks of the first tab counted",
                    () -> text("page-clicks").equals(String.valueOf(CLICKS)));
            browser.waitForVaadin();
            // One more click shows the session's count as it is now, after both tabs' clicks.
            browser.script("document.getElementById('click').click();");
            browser.waitUntil(
                    "the session counted every click of both tabs",
                    () -> text("session-clicks").equals(String.valueOf(2 * CLICKS + 1)));

            assertThat(browser.currentPath()).isEqualTo("/journey/clicks");
            assertThat(browser.consoleErrors())
                    .as("errors in the browser console")
                    .isEmpty();
            browser.driver().switchTo().window(second);
            assertThat(browser.consoleErrors())
                    .as("errors in the second tab's console")
                    .isEmpty();
            browser.driver().close();
            browser.driver().switchTo().window(first);
        } finally {
            root.detachAppender(serverLog);
        }
        List<String> trouble = serverLog.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
                .toList();
        assertThat(trouble).as("warnings and errors logged by the server").isEmpty();
    }

    private static void clickRapidly() {
        browser.script(
                "const button = document.getElementById('click');"
                        + " for (let i = 0; i < arguments[0]; i++) { button.click(); }",
                CLICKS);
    }

    private static String text(String id) {
        return browser.find("#" + id).getText().strip();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String newUser() {
        String tag = UUID.randomUUID().toString().substring(0, 12);
        String email = "journey-" + tag + "@sessions.test";
        TenantContext.callAsSystem(
                DEMO_TENANT,
                null,
                () -> users.createUser(new NewUser(
                        email, "Journey " + tag, ActorType.EMPLOYEE, null, Set.of("read-only"), PASSWORD, "es")));
        return email;
    }
}
