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
 * A warehouse keeper's new article, in a real browser in Spanish: create it in the catalogue, receive
 * stock for it on the stock screen and see on hand rise there, then open the article's page and see
 * the same figure and the receipt in its movements. Screenshots of the article's page, on a desktop
 * and on a tablet, end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class ArticleJourneyTest {

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

    /** A combo box's suggestion containing a text, wherever the overlay renders it (shadow roots too). */
    private static final String SUGGESTION = """
            const all = [];
            const collect = root => {
              all.push(...root.querySelectorAll('vaadin-combo-box-item'));
              for (const element of root.querySelectorAll('*')) {
                if (element.shadowRoot) collect(element.shadowRoot);
              }
            };
            collect(document);
            return all.find(item => item.textContent.includes(arguments[0]) && item.checkVisibility()) || null;
            """;

    /** The grid whose text (headers and cells) contains every one of the given texts. */
    private static final String GRID_WITH = """
            const texts = [...arguments];
            return [...document.querySelectorAll('vaadin-grid')]
                .find(grid => texts.every(text => grid.innerText.includes(text))) || null;
            """;

    /**
     * Null when the article list scrolls no sideways and its code, name and price headers lie whole
     * inside the grid; else what is wrong.
     */
    private static final String LIST_FITS = """
            const grid = document.querySelector('vaadin-grid.list-grid');
            if (!grid) return 'no list';
            const table = grid.shadowRoot.querySelector('#table');
            if (table.scrollWidth > table.clientWidth + 1) return 'scrolls sideways';
            const box = grid.getBoundingClientRect();
            for (const title of ['Código', 'Nombre', 'Precio de venta']) {
                const header = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .find(cell => cell.textContent.trim() === title && cell.checkVisibility());
                if (!header) return title + ' not shown';
                const r = header.getBoundingClientRect();
                if (r.left < box.left - 1 || r.right > box.right + 1) return title + ' outside the grid';
                if (header.scrollWidth > header.clientWidth + 1) return title + ' cut short';
            }
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

    @Test
    void an_administrator_creates_an_article_receives_stock_and_sees_on_hand_change() {
        String code = "JR-"
                + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36)
                        .toUpperCase(Locale.ROOT);
        String reason = "Albarán " + code;
        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm("admin@demo.nexo", PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        // Create the article in the catalogue (the unit starts as "ud", stock tracking on).
        browser.open(url("/articles"));
        button("Nuevo artículo").click();
        browser.waitForText("Nombre en español");
        type("vaadin-text-field", "Código", code);
        type("vaadin-text-field", "Nombre en español", "Manguito de cobre " + code);
        type("vaadin-text-field", "Nombre en inglés", "Copper sleeve " + code);
        button("Guardar").click();
        browser.waitForText("Artículo " + code + " guardado.");

        // Receive stock on the stock screen: nothing on hand before, 37 after.
        browser.open(url("/stock"));
        WebElement article = field("vaadin-combo-box", "Artículo");
        article.findElement(org.openqa.selenium.By.cssSelector("input")).sendKeys(code);
        WebElement suggestion = browser.waitFor(
                "the new article among the suggestions", () -> (WebElement) browser.script(SUGGESTION, code));
        suggestion.click();
        browser.waitForVaadin();
        browser.waitForText("Sin existencias en ningún almacén.");
        type("vaadin-big-decimal-field", "Cantidad", "37");
        type("vaadin-text-field", "Motivo", reason);
        button("Entrada").click();
        browser.waitForText("Existencias actualizadas.");
        WebElement balances = browser.waitFor(
                "the balances grid with 37 on hand", () -> (WebElement) browser.script(GRID_WITH, "En almacén", "37"));
        assertThat(balances.getText()).contains("Reservado", "Disponible");
        browser.waitUntil(
                "the receipt in the movement history", () -> browser.script(GRID_WITH, reason, "Entrada") != null);

        // The article's page, opened from the list, shows the same stock and the receipt.
        browser.open(url("/articles"));
        browser.find("vaadin-text-field.list-search input").sendKeys(code);
        WebElement cell = browser.waitFor("the article in the list", () -> (WebElement) browser.script("""
                        return [...document.querySelectorAll('vaadin-grid vaadin-grid-cell-content')]
                            .find(cell => cell.textContent.trim() === arguments[0]) || null;
                        """, code));
        // Code, name and price stay in view without scrolling sideways, on a desktop and on a tablet.
        browser.waitUntil("code, name and price in view at 1280 px", () -> browser.script(LIST_FITS) == null);
        browser.screenshot("article-list-1280x800");
        browser.tablet();
        browser.waitUntil("code, name and price in view at 768 px", () -> browser.script(LIST_FITS) == null);
        browser.screenshot("article-list-768x1024");
        browser.desktop();
        browser.waitForVaadin();
        // A click in script: the cell may still sit below the fold of the list before the search.
        browser.script("arguments[0].click();", cell);
        browser.waitUntil("the article's page", () -> browser.currentPath().startsWith("/articles/"));
        browser.waitForText("Manguito de cobre " + code);
        browser.waitUntil(
                "37 ud on hand in the article's stock",
                () -> browser.find("vaadin-grid.article-balances").getText().contains("37 ud"));
        browser.waitUntil(
                "the receipt in the article's movements",
                () -> browser.find("vaadin-grid.article-movements").getText().contains(reason));
        assertThat(browser.visibleText()).contains("creó el artículo", "Mover existencias");
        browser.screenshot("article-detail-1280x800");
        browser.tablet();
        browser.screenshot("article-detail-768x1024");
        browser.desktop();
        assertThat(browser.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    private WebElement button(String text) {
        return browser.waitFor("a button \"" + text + "\"", () -> (WebElement) browser.script(BUTTON_BY_TEXT, text));
    }

    private WebElement field(String tag, String label) {
        return browser.waitFor(
                "a field \"" + label + "\"", () -> (WebElement) browser.script(FIELD_BY_LABEL, tag, label));
    }

    /** Types into the input of the field with this label, replacing what it held. */
    private void type(String tag, String label, String text) {
        WebElement input = field(tag, label).findElement(org.openqa.selenium.By.cssSelector("input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
        browser.waitForVaadin();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
