package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.security.UserService;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The first minutes of the demo administrator, in a real browser whose language is Spanish: the
 * login page, the dashboard, switching to English (remembered in her profile, not only in this
 * browser), logging out and in again, and a mistyped password. Screenshots of the login page and the
 * dashboard, on a desktop and on a tablet, end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class LoginJourneyTest {

    private static final String ADMIN = "admin@demo.nexo";
    private static final String PASSWORD = "Demo-2026!";
    private static final String ADMIN_NAME = "Ana Administradora";

    @LocalServerPort
    private int port;

    @Autowired
    private UserDetailsService userDetailsService;

    @Autowired
    private UserService users;

    /** One browser for the class (starting Chromium takes seconds); every test starts logged out. */
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
        browser.consoleErrors(); // read, and so forget, what earlier tests left in the console
        browser.forgetCookies();
        browser.desktop();
    }

    @AfterEach
    void keepTheDemoSpanish() {
        // The journey switches back to Spanish itself; this only matters when it failed halfway.
        resetAdministratorLanguageToSpanish();
    }

    @Test
    void administrator_logs_in_switches_to_english_and_finds_it_remembered_at_the_next_login() {
        // An anonymous visitor of the start page is sent to the login page, in the browser's language.
        browser.open(url("/"));
        browser.waitUntil("the login page", () -> browser.currentPath().equals("/login"));
        browser.find("vaadin-login-form");
        browser.waitForText("Iniciar sesión");
        assertThat(browser.visibleText()).contains("Correo electrónico", "Contraseña", "Entrar");
        assertThat(browser.driver().getTitle()).isEqualTo("Iniciar sesión · NEXO");
        assertLoginPageLanguage("es", "Mostrar contraseña");
        screenshotsOnDesktopAndTablet("login");

        logIn();
        browser.waitForText("Hola, " + ADMIN_NAME);
        assertThat(browser.currentPath()).isEqualTo("/");
        assertThat(browser.driver().getTitle()).isEqualTo("Inicio");
        assertThat(browser.find("h1.page-title").getText()).isEqualTo("Inicio");
        assertThat(browser.find("vaadin-side-nav.main-nav").getText()).contains("Inicio");
        screenshotsOnDesktopAndTablet("dashboard");
        tabletDrawerAndUserMenuScreenshots();

        chooseLanguage("Idioma", "English");
        browser.waitForText("Welcome, " + ADMIN_NAME);
        browser.screenshot("dashboard-en-1280x800");
        assertEnglishDashboard();

        openUserMenu();
        browser.clickMenuItem("Log out");
        browser.waitUntil(
                "the login page after logging out", () -> browser.currentPath().equals("/login"));
        browser.find("vaadin-login-form");
        // This browser remembers the choice too (cookie), so even the login page is English now.
        browser.waitForText("Log in");
        assertThat(browser.visibleText()).contains("E-mail", "Password").doesNotContain(ADMIN_NAME);
        assertLoginPageLanguage("en", "Show password");

        // A browser that never saw the choice: the login page is Spanish again, the dashboard English,
        // because the language is kept in the administrator's profile.
        browser.forgetCookies();
        browser.open(url("/"));
        browser.waitUntil("the login page", () -> browser.currentPath().equals("/login"));
        browser.waitForText("Iniciar sesión");
        logIn();
        browser.waitForText("Welcome, " + ADMIN_NAME);
        browser.waitForVaadin();
        assertEnglishDashboard();

        // Back to Spanish, as the demo is meant to be.
        chooseLanguage("Language", "Español");
        browser.waitForText("Hola, " + ADMIN_NAME);
        browser.waitForVaadin();
        assertThat(browser.find("h1.page-title").getText()).isEqualTo("Inicio");
        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    @Test
    void a_wrong_password_shows_the_login_error_and_no_technical_details() {
        browser.open(url("/login"));
        browser.submitLoginForm(ADMIN, "not-the-password");

        browser.waitUntil(
                "the login page with an error",
                () -> browser.currentPath().equals("/login")
                        && browser.driver().getCurrentUrl().contains("error"));
        browser.waitForVaadin();
        browser.waitUntil(
                "the login form to show its error",
                () -> browser.find("vaadin-login-form").getDomAttribute("error") != null);
        browser.waitForText("No se ha podido iniciar sesión");
        String text = browser.visibleText();
        assertThat(text)
                .contains("Revisa el correo electrónico y la contraseña e inténtalo de nuevo.")
                .doesNotContain(ADMIN_NAME);
        assertThat(browser.driver().getPageSource())
                .doesNotContain("Exception", "at com.nexo", "at org.springframework", "Whitelabel");
        browser.screenshot("login-error-1280x800");

        // The visitor can simply try again.
        browser.submitLoginForm(ADMIN, PASSWORD);
        browser.waitForText("Hola, " + ADMIN_NAME);
    }

    /** The page's declared language and the password field's eye button, read aloud by screen readers. */
    private void assertLoginPageLanguage(String language, String showPassword) {
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo(language);
        browser.waitUntil(
                "the password field's eye button to be labelled \"" + showPassword + "\"",
                () -> showPassword.equals(browser.find("vaadin-password-field-button[slot=reveal]")
                        .getDomAttribute("aria-label")));
    }

    private void logIn() {
        browser.submitLoginForm(ADMIN, PASSWORD);
    }

    private void openUserMenu() {
        browser.find("vaadin-menu-bar.user-menu vaadin-menu-bar-button:not([slot=overflow])")
                .click();
    }

    private void chooseLanguage(String languageItem, String language) {
        openUserMenu();
        browser.clickMenuItem(languageItem);
        browser.clickMenuItem(language);
    }

    private void assertEnglishDashboard() {
        assertThat(browser.currentPath()).isEqualTo("/");
        assertThat(browser.driver().getTitle()).isEqualTo("Dashboard");
        assertThat(browser.script("return document.documentElement.lang;"))
                .as("the page's language, for screen readers and spelling")
                .isEqualTo("en");
        assertThat(browser.find("h1.page-title").getText()).isEqualTo("Dashboard");
        assertThat(browser.find("vaadin-side-nav.main-nav").getText()).contains("Dashboard");
        assertThat(browser.visibleText())
                .contains("People with access", "Employees", "Your language")
                .doesNotContain("Hola", "Inicio", "Empleados");
        // The user menu is English too, with English marked as the current language.
        openUserMenu();
        assertThat(browser.menuItem("Log out").isDisplayed()).isTrue();
        browser.clickMenuItem("Language");
        assertThat(browser.menuItem("English").getDomAttribute("menu-item-checked"))
                .as("English is checked in the language menu")
                .isNotNull();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE, Keys.ESCAPE);
        browser.waitUntil("the user menu to close", () -> !browser.existsDeep("vaadin-menu-bar-submenu[opened]"));
    }

    /** The current page as a desktop and as a tablet shows it; the browser is a desktop again after. */
    private void screenshotsOnDesktopAndTablet(String page) {
        browser.screenshot(page + "-1280x800");
        browser.tablet();
        browser.screenshot(page + "-768x1024");
        browser.desktop();
    }

    /** On a tablet the drawer is an overlay: the menu button opens it. And the user menu opened. */
    private void tabletDrawerAndUserMenuScreenshots() {
        browser.tablet();
        try {
            openUserMenu();
            browser.menuItem("Cerrar sesión");
            browser.screenshot("dashboard-768x1024-user-menu");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.waitUntil("the user menu to close", () -> !browser.existsDeep("vaadin-menu-bar-submenu[opened]"));

            browser.find("vaadin-drawer-toggle").click();
            browser.waitUntil(
                    "the drawer to open",
                    () -> browser.find("vaadin-app-layout").getDomAttribute("drawer-opened") != null);
            browser.waitUntil(
                    "the drawer's navigation to show",
                    () -> browser.find("vaadin-side-nav.main-nav").isDisplayed());
            browser.screenshot("dashboard-768x1024-drawer");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.waitUntil(
                    "the drawer to close",
                    () -> browser.find("vaadin-app-layout").getDomAttribute("drawer-opened") == null);
            // Let it finish sliding away: resizing mid-way cancels the animation, and Vaadin's
            // app layout then logs an uncaught "The user aborted a request" (harmless, but noise).
            browser.settle();
        } finally {
            browser.desktop();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void resetAdministratorLanguageToSpanish() {
        UserDetails admin = userDetailsService.loadUserByUsername(ADMIN);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            users.changeMyLanguage(Locale.of("es"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
