package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of the portal menu, for each demo portal user, in a real browser: the user logs in
 * through the login form and lands on the portal's home page (never the back office), then opens each
 * page its menu lists. Each page must show the portal frame with no error page, no console error
 * (the content security policy's refusals included) and nothing to scroll sideways, neither the page
 * nor a grid's columns, on a phone (360x740), a tablet (768x1024) and a desktop (1280x800); screenshots of every
 * page and size go to {@code target/screenshots/portal-<user>-<page>-<size>.png}. Finally the user
 * tries a back-office address and is not shown the back-office frame.
 */
@NexoSpringTest
class PortalTourJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /** The addresses of the portal menu's entries, in order. */
    private static final String MENU_PATHS = """
            return [...document.querySelectorAll('.portal-layout vaadin-side-nav-item')]
                .map(item => item.getAttribute('path'))
                .filter(path => path !== null);
            """;

    /** What is wrong with the page shown, or null: no portal frame, an error page. */
    private static final String PROBLEM = """
            if (!document.querySelector('.portal-layout')) return 'no portal frame';
            if (document.querySelector('.problem-page')) return 'an error page';
            return null;
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

    @ParameterizedTest
    @ValueSource(strings = {"cliente@demo.nexo", "proveedor@demo.nexo", "profesional@demo.nexo"})
    void a_portal_user_lands_on_the_portal_and_every_page_of_its_menu_fits_a_phone_a_tablet_and_a_desktop(
            String email) {
        String who = email.substring(0, email.indexOf('@'));
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(email, PASSWORD);
        browser.waitUntil("the portal's home page", () -> browser.currentPath().equals("/portal"));
        browser.waitForVaadin();

        @SuppressWarnings("unchecked")
        List<String> paths = new ArrayList<>((List<String>) browser.script(MENU_PATHS));
        assertThat(paths).as("the portal menu of %s", email).isNotEmpty().allMatch(path -> path.startsWith("portal"));
        List<String> problems = new ArrayList<>();
        // Each size gets a page opened afresh at it (the server learns the window's width when a page
        // opens, and views choose their columns by it): the window is resized with no page open, the
        // menu's first page is opened, and the other pages are reached from it as the menu's links
        // reach them, each view built anew by the server in a page never resized. The portal's home
        // page, where the login landed, was opened at 1280x800: when it is the menu's first page, it
        // is that one at that size.
        boolean landedOnFirst = browser.currentPath().equals("/" + paths.getFirst());
        look(problems, who, paths, () -> browser.desktop(), "1280x800", landedOnFirst);
        look(problems, who, paths, () -> browser.tablet(), "768x1024", false);
        look(problems, who, paths, () -> browser.resizeViewport(360, 740), "360x740", false);
        browser.desktop();
        assertThat(problems).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();

        // A back-office address never shows a portal user the back office's frame (the page answers
        // "not found", which the browser's console reports as a 404).
        browser.open(url("/accounts"));
        browser.waitForVaadin();
        assertThat(browser.findAll(".main-nav")).as("the back office's menu").isEmpty();
        // Read (and so emptied) here: that expected 404 must not count against the next user's pages.
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("404"));
    }

    private void look(
            List<String> problems,
            String who,
            List<String> paths,
            Runnable resize,
            String size,
            boolean landedOnFirst) {
        if (!landedOnFirst) {
            browser.leavePage();
            resize.run();
        }
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            if (i == 0) {
                if (!landedOnFirst) {
                    browser.open(url("/" + path));
                }
            } else {
                browser.navigateWithin("/" + path);
            }
            // The screenshot waits until the page is still; the checks then read that page.
            browser.screenshot("portal-" + who + "-" + path.replace('/', '-') + "-" + size);
            Object problem = browser.script(PROBLEM);
            if (problem != null) {
                problems.add(who + " " + path + " at " + size + ": " + problem);
            }
            String sideways = browser.sidewaysScrolling();
            if (sideways != null) {
                problems.add(who + " " + path + " at " + size + ": scrolls sideways: " + sideways);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
