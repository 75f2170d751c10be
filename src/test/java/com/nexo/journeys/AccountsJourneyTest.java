package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A salesperson's first account, in a real browser in Spanish: create it, give it a contact, find it
 * again with the quick search although the name is mistyped and its accent left out, edit it, and
 * see the change on its page and in its timeline; the CSV export follows the search. Screenshots of the list, the form and the account's
 * page, on a desktop and on a tablet, end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class AccountsJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /** Finds a Vaadin field by its label among the open dialog's fields, or the page's. */
    private static final String FIELD_BY_LABEL = """
            const fields = [...document.querySelectorAll(arguments[0])]
                .filter(field => field.label === arguments[1] && field.checkVisibility());
            return fields.length ? fields[fields.length - 1] : null;
            """;

    /** A visible button by its text; the last one, so an open dialog's wins over the page's. */
    private static final String BUTTON_BY_TEXT = """
            const buttons = [...document.querySelectorAll('vaadin-button')]
                .filter(button => button.textContent.trim() === arguments[0] && button.checkVisibility());
            return buttons.length ? buttons[buttons.length - 1] : null;
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
    void a_salesperson_creates_an_account_with_a_contact_finds_it_with_a_typo_and_edits_it() {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        String name = "Carpintería Iñárritu " + suffix;
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("ventas@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        browser.open(url("/accounts"));
        browser.waitForText("Nueva cuenta");
        browser.screenshot("accounts-list-1280x800");
        assertKeyColumnsWithoutSidewaysScrolling("1280 px");
        assertThat(gridText()).contains("Código", "Tipo");
        browser.tablet();
        // Upright on a tablet the list drops code, roles, owner and last change; the key ones stay.
        browser.waitUntil(
                "the narrow list without the code column", () -> !gridText().contains("Código"));
        assertKeyColumnsWithoutSidewaysScrolling("768 px");
        browser.screenshot("accounts-list-768x1024");
        browser.desktop();
        browser.waitUntil(
                "the wide list with the code column again", () -> gridText().contains("Código"));

        // Create the account.
        button("Nueva cuenta").click();
        browser.waitForText("Razón social");
        type("vaadin-text-field", "Razón social", name);
        type("vaadin-text-field", "Nombre comercial", "Iñárritu Muebles");
        screenshotsOnDesktopAndTablet("accounts-form");
        button("Guardar").click();
        browser.waitUntil("the new account's page", () -> browser.currentPath().startsWith("/accounts/"));
        browser.waitForText("Cuenta " + name + " guardada.");
        browser.waitForText("creó la cuenta");

        // Give it a contact.
        button("Añadir contacto").click();
        browser.waitForText("Nuevo contacto");
        type("vaadin-text-field", "Nombre", "Rosa Etxeberria");
        type("vaadin-text-field", "Cargo", "Compras");
        button("Guardar").click();
        browser.waitForText("Contacto Rosa Etxeberria guardado.");
        browser.waitUntil(
                "the contact in the contacts grid",
                () -> browser.find("vaadin-grid.contacts-grid").getText().contains("Rosa Etxeberria"));
        screenshotsOnDesktopAndTablet("account-detail");

        // Find it again: no accents and a letter missing ("carpinteria inarritu" → "carpinteria inaritu").
        browser.open(url("/accounts"));
        browser.waitForText("Nueva cuenta");
        WebElement search = browser.find("vaadin-text-field.list-search input");
        search.sendKeys("carpinteria inaritu " + suffix);
        // The new account is on the unfiltered list's first page too: wait for the search's one result
        // (the grid's size), not only for the name, before reading the export link the search sets.
        browser.waitUntil(
                "the search's single result",
                () -> Long.valueOf(1)
                        .equals(browser.script("return document.querySelector('vaadin-grid.list-grid').size;")));
        browser.waitUntil(
                "the account among the search results",
                () -> browser.find("vaadin-grid.list-grid").getText().contains(name));
        assertThat(browser.find("vaadin-grid.list-grid").getText()).contains("Iñárritu Muebles");
        browser.screenshot("accounts-list-search-1280x800");

        // The export follows the list's filter: the searched account, streamed as CSV.
        String href = browser.find("a.export-link").getDomAttribute("href");
        String csv = (String) browser.script(
                "return fetch(arguments[0], {credentials: 'same-origin'}).then(response => response.text());", href);
        assertThat(csv).contains(name).contains("Iñárritu Muebles");
        assertThat(csv.lines().count()).as("header and the one account found").isEqualTo(2);

        // Open it and edit it.
        WebElement cell = browser.waitFor("the result's cell", () -> (WebElement) browser.script("""
                        return [...document.querySelectorAll('vaadin-grid.list-grid vaadin-grid-cell-content')]
                            .find(cell => cell.textContent.includes(arguments[0])) || null;
                        """, name));
        cell.click();
        browser.waitUntil("the account's page", () -> browser.currentPath().startsWith("/accounts/"));
        browser.waitForText("Rosa Etxeberria");
        button("Editar").click();
        browser.waitForText("Editar " + name);
        type("vaadin-text-field", "Web", "www.inarritu.example");
        button("Guardar").click();
        browser.waitForText("Cuenta " + name + " guardada.");
        browser.waitForText("cambió la cuenta");
        String page = browser.visibleText();
        assertThat(page).contains("www.inarritu.example", "(vacío) → www.inarritu.example");
        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    /** The list's header and visible cells as text. */
    private static String gridText() {
        return browser.find("vaadin-grid.list-grid").getText();
    }

    /** Name, tax id, e-mail and phone, city and status are shown, and the grid does not scroll sideways. */
    private static void assertKeyColumnsWithoutSidewaysScrolling(String width) {
        assertThat(gridText())
                .as("key column headers at " + width)
                .contains("Nombre", "NIF", "Correo y teléfono", "Población", "Estado");
        Boolean fits = (Boolean) browser.script("""
                const table = arguments[0].shadowRoot.querySelector('#table');
                return table.scrollWidth <= table.clientWidth + 1;
                """, browser.find("vaadin-grid.list-grid"));
        assertThat(fits)
                .as("the list fits without scrolling sideways at " + width)
                .isTrue();
    }

    private WebElement button(String text) {
        return browser.waitFor("a button \"" + text + "\"", () -> (WebElement) browser.script(BUTTON_BY_TEXT, text));
    }

    /** Types into the input of the field with this label, replacing what it held. */
    private void type(String tag, String label, String text) {
        WebElement field = browser.waitFor(
                "a field \"" + label + "\"", () -> (WebElement) browser.script(FIELD_BY_LABEL, tag, label));
        WebElement input = field.findElement(org.openqa.selenium.By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        browser.waitForVaadin();
    }

    private void screenshotsOnDesktopAndTablet(String page) {
        browser.screenshot(page + "-1280x800");
        browser.tablet();
        browser.screenshot(page + "-768x1024");
        browser.desktop();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
