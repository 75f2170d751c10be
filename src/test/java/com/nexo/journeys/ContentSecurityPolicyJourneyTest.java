package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every screen works under NEXO's content security policy and fits its screen: an employee and the
 * platform operator open every page their menu offers, at 1280 and at 768 px, and an unknown address,
 * in a real Chromium (the portals' pages get the same checks at three sizes in
 * {@link PortalTourJourneyTest}); the console shows no refused script, style, image, font or
 * connection (the only errors allowed are the 404 of the unknown address itself), and neither a page
 * nor a grid on it scrolls sideways. Screenshots of every page land in {@code target/screenshots/}.
 *
 * <p>At each size the first menu page is opened afresh and the others are reached from it the way the
 * menu's links reach them (the server builds each view anew; the page is not loaded again): the policy
 * is one header for every address, so each view runs under it either way, and the page was opened at
 * that size and never resized, so each view chooses its columns for that size.
 *
 * <p>The suite runs it against its own server in development mode. To check a production build (as
 * DECISIONS.md says was done), start the production jar and point the test at it:
 * {@code ./mvnw -B verify -Dtest=ContentSecurityPolicyJourneyTest -Dnexo.csp.base=http://localhost:8095
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@NexoSpringTest
class ContentSecurityPolicyJourneyTest {

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
    void every_menu_page_of_an_employee_the_operator_and_a_client_runs_under_the_policy_and_fits_1280_and_768() {
        List<String> visited = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> sideways = new ArrayList<>();
        for (String user : List.of("admin@demo.nexo", "operador@nexo.local")) {
            browser.forgetCookies();
            browser.desktop();
            browser.open(url("/login"));
            collect(user + " /login", violations);
            browser.submitLoginForm(user, PASSWORD);
            browser.waitUntil(
                    "the login to finish", () -> !browser.currentPath().startsWith("/login"));
            browser.waitForVaadin();
            collect(user + " " + browser.currentPath(), violations);
            List<String> paths = menuPaths();
            for (int width : new int[] {1280, 768}) {
                // The window gets this size with no page open, and the first menu page is opened afresh
                // at it: the application learns the window's width when a page opens, and some views
                // choose their grid columns by it. The other menu pages are then reached from that
                // page as its menu's links reach them: the server builds each view anew, in a page
                // opened at this size and never resized, so each view is as if opened at this size
                // (without loading and starting the whole page again for each). The page the login
                // landed on was opened at 1280 px: when it is the menu's first page, it is that one.
                boolean landedOnFirst = width == 1280 && browser.currentPath().equals("/" + paths.getFirst());
                if (!landedOnFirst) {
                    browser.leavePage();
                    if (width == 1280) {
                        browser.desktop();
                    } else {
                        browser.tablet();
                    }
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
                    String where = user + " /" + path + " at " + width + " px";
                    visited.add(where);
                    // The screenshot waits until the page is still; the checks then read that page.
                    browser.screenshot("menu-" + user.substring(0, user.indexOf('@')) + "-"
                            + (path.isEmpty() ? "home" : path.replace('/', '-')) + "-" + width);
                    collect(where, violations);
                    overflow(where, sideways);
                }
            }
            browser.desktop();
            browser.open(url("/no-such-page-" + user.hashCode()));
            collect(user + " unknown page", violations);
        }

        assertThat(visited).as("pages visited").hasSizeGreaterThan(16);
        assertThat(violations)
                .as("console errors other than the unknown page's 404")
                .isEmpty();
        assertThat(sideways).as("pages or grids that scroll sideways").isEmpty();
    }

    /** The page, or a grid on it, wider than what shows: the user would have to scroll sideways. */
    private static void overflow(String where, List<String> sideways) {
        String found = browser.sidewaysScrolling();
        if (found != null) {
            sideways.add(where + ": " + found);
        }
    }

    /** The paths of the side navigation's items (the menu of the logged-in user). */
    @SuppressWarnings("unchecked")
    private static List<String> menuPaths() {
        return ((List<Object>)
                        browser.script(
                                "return [...document.querySelectorAll('vaadin-side-nav-item')].map(i => i.path).filter(p => p != null);"))
                .stream()
                        .map(String::valueOf)
                        .map(path -> path.startsWith("/") ? path.substring(1) : path)
                        .distinct()
                        .toList();
    }

    private static void collect(String where, List<String> violations) {
        for (String error : browser.consoleErrors()) {
            boolean notFound = error.contains("404") && where.endsWith("unknown page");
            if (!notFound) {
                violations.add(where + ": " + error);
            }
        }
    }

    private String url(String path) {
        String base = System.getProperty("nexo.csp.base", "http://localhost:" + port);
        return base + path;
    }
}
