package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.sales.SalesFixtures;
import com.nexo.testing.NexoSpringTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A salesperson's day in a real browser, in Spanish: a quote typed from the keyboard (the article
 * looked up by its code), made an order, confirmed, delivered and invoiced, the invoice issued and
 * its PDF downloaded. Screenshots of the editor and of the issued invoice, on a desktop and on a
 * tablet, end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class SalesJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /** A visible button by its text; the last one, so an open dialog's wins over the page's. */
    private static final String BUTTON_BY_TEXT = """
            const buttons = [...document.querySelectorAll('vaadin-button')]
                .filter(button => button.textContent.trim() === arguments[0] && button.checkVisibility());
            return buttons.length ? buttons[buttons.length - 1] : null;
            """;

    /** A visible button by its text inside the open dialog. */
    private static final String DIALOG_BUTTON = """
            const buttons = [...document.querySelectorAll('vaadin-button')]
                .filter(button => button.textContent.trim() === arguments[0] && button.checkVisibility()
                    && button.closest('vaadin-dialog, vaadin-dialog-overlay'));
            return buttons.length ? buttons[buttons.length - 1] : null;
            """;

    /** Downloads the document's PDF through its link, in the page's session: type, size and first bytes. */
    private static final String DOWNLOAD_PDF = """
            const done = arguments[arguments.length - 1];
            const link = document.querySelector('a.document-pdf');
            if (!link) { done('no link'); return; }
            fetch(link.href, {credentials: 'same-origin'})
                .then(response => response.arrayBuffer().then(body => {
                    const head = String.fromCharCode(...new Uint8Array(body.slice(0, 5)));
                    done(response.headers.get('content-type') + '|' + body.byteLength + '|' + head);
                }))
                .catch(error => done('failed: ' + error));
            """;

    /** Null when the page scrolls no sideways; else how much wider it is than the window. */
    private static final String NO_SIDEWAYS_SCROLL = """
            const extra = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            return extra > 1 ? 'scrolls sideways by ' + extra + ' px' : null;
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
    void a_salesperson_quotes_orders_delivers_invoices_and_downloads_the_pdf() {
        SalesFixtures fixtures = new SalesFixtures(context);
        String name = "Ferretería Journey " + UUID.randomUUID().toString().substring(0, 6);
        UUID client = fixtures.client(name);
        // The editor proposes the first active warehouse: the stock is received there.
        UUID warehouse = fixtures.articles()
                .asAdmin(() -> context.getBean(com.nexo.articles.ArticleDirectory.class)
                        .activeWarehouses())
                .getFirst()
                .id();
        UUID article = fixtures.goods(warehouse, "20");
        String code = fixtures.articles()
                .asAdmin(() -> context.getBean(com.nexo.articles.ArticleDirectory.class)
                        .summaries(java.util.List.of(article))
                        .get(article))
                .code();

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(SalesFixtures.SALES, PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        // A quote for the client, its line typed from the keyboard: "4*CODE" and Enter.
        browser.open(url("/sales/document/new/quote?account=" + client));
        browser.waitForText("Añadir artículo");
        WebElement lookUp = (WebElement) browser.script("""
                return [...document.querySelectorAll('vaadin-text-field')]
                    .find(field => field.label === 'Añadir artículo').querySelector('input');
                """);
        lookUp.sendKeys("4*" + code, Keys.ENTER);
        browser.waitForVaadin();
        browser.waitUntil(
                "the total of 4 × 12,50 € with VAT", () -> browser.visibleText().contains("60,50"));
        browser.screenshot("sales-editor-1280x800");
        browser.tablet();
        browser.waitUntil("the editor fits a tablet", () -> browser.script(NO_SIDEWAYS_SCROLL) == null);
        browser.screenshot("sales-editor-768x1024");
        browser.desktop();
        browser.waitForVaadin();
        button("Guardar").click();
        browser.waitUntil("the quote's page", () -> browser.currentPath().matches("/sales/document/[0-9a-f-]{36}"));

        // Quote -> order (all lines) -> confirmed -> delivered -> invoice draft -> issued.
        button("Pasar a pedido").click();
        browser.waitForText("Elige las líneas y cantidades");
        dialogButton("Pasar a pedido").click();
        browser.waitForText("Pedido creado");
        button("Confirmar").click();
        browser.waitForText("Pedido confirmado");
        button("Entregar").click();
        browser.waitForText("Elige lo que sale ahora del almacén");
        dialogButton("Entregar").click();
        browser.waitForText("Albarán creado");
        button("Facturar").click();
        browser.waitForText("Borrador de factura creado");
        button("Emitir").click();
        browser.waitUntil(
                "the issued invoice", () -> browser.visibleText().matches("(?s).*Factura F\\d{4}-\\d{6} emitida.*"));
        assertThat(browser.visibleText()).contains(name, "60,50");

        // The PDF of the issued invoice downloads as a PDF.
        Object download = browser.driver().executeAsyncScript(DOWNLOAD_PDF);
        assertThat(String.valueOf(download)).startsWith("application/pdf|").endsWith("|%PDF-");
        browser.screenshot("sales-invoice-1280x800");
        browser.tablet();
        browser.waitUntil("the invoice page fits a tablet", () -> browser.script(NO_SIDEWAYS_SCROLL) == null);
        browser.screenshot("sales-invoice-768x1024");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private WebElement button(String text) {
        return browser.waitFor("the button " + text, () -> (WebElement) browser.script(BUTTON_BY_TEXT, text));
    }

    private WebElement dialogButton(String text) {
        return browser.waitFor("the dialog's button " + text, () -> (WebElement) browser.script(DIALOG_BUTTON, text));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
