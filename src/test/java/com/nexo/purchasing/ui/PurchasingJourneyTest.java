package com.nexo.purchasing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.journeys.Browser;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.purchasing.replenish.ReplenishFixture;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
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
 * The demo administrator restocks an article in a real browser, in Spanish: the replenishment list
 * makes a draft purchase order of what is below its minimum, the order is opened from the orders
 * list, submitted, approved (it is above the approval threshold) and sent, then part of it is
 * received by typing the article's code; the article's page shows more on hand and less on order,
 * and the replenishment list no longer proposes it. Screenshots at 1280 and 768 px in {@code
 * target/screenshots/}, without sideways scrolling.
 */
@NexoSpringTest
class PurchasingJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /** A visible button by its text; the last one, so an open dialog's wins over the page's. */
    private static final String BUTTON_BY_TEXT = """
            const buttons = [...document.querySelectorAll('vaadin-button')]
                .filter(button => button.textContent.trim() === arguments[0] && button.checkVisibility());
            return buttons.length ? buttons[buttons.length - 1] : null;
            """;

    /** The input of a visible text field (or combo box) by its label. */
    private static final String FIELD_BY_LABEL = """
            const fields = [...document.querySelectorAll(
                    'vaadin-text-field, vaadin-combo-box, vaadin-big-decimal-field')]
                .filter(field => field.label === arguments[0] && field.checkVisibility());
            return fields.length ? fields[0].querySelector('input') : null;
            """;

    /** A grid's cell content whose text is exactly the given one. */
    private static final String CELL_BY_TEXT = """
            const cells = [...document.querySelectorAll('vaadin-grid-cell-content')]
                .filter(cell => cell.textContent.trim() === arguments[0] && cell.checkVisibility());
            return cells.length ? cells[0] : null;
            """;

    /** The texts of the balances grid's row of a warehouse: code, on hand, reserved, on order, available. */
    private static final String BALANCE_ROW = """
            const grid = [...document.querySelectorAll('vaadin-grid')].find(g =>
                [...g.querySelectorAll('vaadin-grid-cell-content')]
                    .some(c => c.textContent.trim() === 'Pedido (en camino)'));
            if (!grid) return null;
            const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')].map(c => c.textContent.trim());
            const at = cells.indexOf(arguments[0]);
            return at < 0 ? null : cells.slice(at, at + 5);
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

    @Autowired
    private PurchaseSettingsService settings;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private StockService stock;

    @Autowired
    private ReplenishmentService replenishment;

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
    void an_article_below_its_minimum_is_ordered_approved_sent_and_partly_received() {
        ReplenishFixture fixture = new ReplenishFixture(context);
        UUID warehouse = fixture.warehouse();
        String warehouseLabel = fixture.asAdmin(() -> warehouses.warehouses()).stream()
                .filter(w -> w.id().equals(warehouse))
                .findFirst()
                .orElseThrow()
                .label();
        String warehouseCode = warehouseLabel.substring(0, warehouseLabel.indexOf(" · "));
        UUID supplier = fixture.supplier("Suministros Viaje");
        String supplierName = "Suministros Viaje " + fixture.tag();
        // 3 on hand, minimum 5, maximum 20: 17 to order at 2.00 = 34.00, above a threshold of 10.00.
        UUID article = fixture.article(supplier, "2.00", "21");
        fixture.receive(article, warehouse, "3");
        fixture.levels(article, warehouse, "5", "20");
        String code = fixture.asAdmin(() -> stock.balancesOfArticle(article))
                .getFirst()
                .articleCode();

        PurchaseSettings before = fixture.asAdmin(() -> settings.settings());
        threshold(fixture, new BigDecimal("10.00"));
        try {
            browser.forgetCookies();
            browser.desktop();
            browser.open(url("/login"));
            browser.submitLoginForm(ReplenishFixture.ADMIN, PASSWORD);
            browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
            browser.waitForVaadin();

            // The replenishment list of the warehouse proposes the article; purchase orders are made.
            browser.open(url("/stock/replenishment"));
            browser.waitForText("Crear pedidos de compra");
            browser.waitForVaadin();
            WebElement warehouseField = field("Almacén");
            warehouseField.sendKeys(warehouseLabel);
            browser.waitForVaadin();
            // Enter picks the offered warehouse only once the filtered item is there.
            browser.waitUntil(
                    "the warehouse offered",
                    () -> Boolean.TRUE.equals(browser.script(
                            "return [...document.querySelectorAll('vaadin-combo-box-item')]"
                                    + ".some(item => item.textContent.includes(arguments[0]) && item.checkVisibility());",
                            warehouseLabel)));
            warehouseField.sendKeys(Keys.ENTER);
            browser.waitForVaadin();
            browser.waitUntil(
                    "the article in the list", () -> browser.visibleText().contains(code));
            screenshots("purchasing-journey-replenishment");
            // The warehouse's drop-down closes before the button is clicked (on a busy machine its
            // overlay can still cover the page for a moment).
            browser.waitUntil(
                    "the warehouse list closed",
                    () -> Boolean.TRUE.equals(
                            browser.script("return !document.querySelector('vaadin-combo-box-overlay[opened]');")));
            button("Crear pedidos de compra").click();
            browser.waitForText("Ver los pedidos de compra");
            browser.waitUntil(
                    "the list without the article", () -> !browser.visibleText().contains(code));

            // The orders list, the new draft opened from it.
            WebElement link = browser.waitFor("the orders link", () -> (WebElement) browser.script("""
                    return [...document.querySelectorAll('a')]
                        .find(a => a.textContent.trim() === 'Ver los pedidos de compra');"""));
            link.click();
            browser.waitUntil("the orders list", () -> browser.currentPath().equals("/purchasing/orders"));
            // Other tests leave orders of today too: the draft is looked up by its supplier, as a user
            // would, rather than hoped for on the first screen of the list.
            WebElement search = browser.waitFor("the orders search", () -> (WebElement) browser.script("""
                    return [...document.querySelectorAll('vaadin-text-field')]
                        .find(f => f.getAttribute('placeholder') === 'Buscar por número, proveedor o su referencia'
                            && f.checkVisibility());"""));
            search.click();
            search.sendKeys(supplierName);
            search.sendKeys(Keys.ENTER);
            browser.waitForVaadin();
            browser.waitFor(
                    "the draft of " + supplierName, () -> (WebElement) browser.script(CELL_BY_TEXT, supplierName));
            screenshots("purchasing-journey-orders");
            // The screenshots resize the window and the grid renders its rows again: the cell is looked
            // up afresh and clicked until the browser lets it be (waitUntil takes a refused click as
            // "not yet").
            browser.waitUntil("the draft of " + supplierName + " clicked", () -> {
                WebElement cell = (WebElement) browser.script(CELL_BY_TEXT, supplierName);
                if (cell == null) {
                    return false;
                }
                cell.click();
                return true;
            });
            browser.waitUntil(
                    "the order's page", () -> browser.currentPath().matches("/purchasing/orders/[0-9a-f-]{36}"));
            browser.waitForText(supplierName);

            // Submitted: above the threshold it waits for approval; approved; sent with a number.
            button("Tramitar").click();
            button("Aprobar").click();
            button("Enviar al proveedor").click();
            browser.waitUntil("the order's number", () -> browser.visibleText().matches("(?s).*PO\\d{4}-\\d{6}.*"));
            screenshots("purchasing-journey-order-sent");

            // Receiving 6 of the 17: the code typed as a scanner would, then the quantity.
            button("Recibir mercancía").click();
            browser.waitUntil("the receive page", () -> browser.currentPath().endsWith("/receive"));
            browser.waitForText("Registrar recepción");
            WebElement scan = field("Código de artículo");
            scan.sendKeys(code, Keys.ENTER);
            browser.waitForVaadin();
            WebElement quantity = field("Recibido");
            browser.waitUntil("the scanned unit", () -> "1".equals(quantity.getAttribute("value")));
            quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "6", Keys.ENTER);
            browser.waitForVaadin();
            screenshots("purchasing-journey-receive");
            button("Registrar recepción").click();
            browser.waitUntil(
                    "the posted receipt", () -> browser.visibleText().matches("(?s).*Recepción RC\\d{4}-\\d{6}.*"));

            // The article's page: 9 on hand, 11 still on order.
            browser.open(url("/articles/" + article));
            browser.waitForText("Pedido (en camino)");
            browser.waitForVaadin();
            @SuppressWarnings("unchecked")
            List<String> balance = browser.waitFor("the balance row of " + warehouseCode, () ->
                    (List<String>) browser.script(BALANCE_ROW, warehouseCode));
            assertThat(balance.get(1)).as("on hand").startsWith("9");
            assertThat(balance.get(3)).as("on order").startsWith("11");
            browser.script("""
                    [...document.querySelectorAll('vaadin-grid')].find(g =>
                        [...g.querySelectorAll('vaadin-grid-cell-content')]
                            .some(c => c.textContent.trim() === 'Pedido (en camino)')).scrollIntoView();""");
            screenshots("purchasing-journey-article");

            // The replenishment list no longer proposes it (9 + 11 on order reach the minimum).
            browser.open(url("/stock/replenishment"));
            browser.waitForText("Crear pedidos de compra");
            browser.waitForVaadin();
            assertThat(browser.visibleText()).doesNotContain(code);
            assertThat(fixture.asAdmin(
                            () -> replenishment.page(warehouse, null, 100).rows()))
                    .extracting(ReplenishmentRow::articleId)
                    .doesNotContain(article);
            BalanceRow after = fixture.asAdmin(() -> stock.balancesOfArticle(article)).stream()
                    .filter(r -> r.warehouseId().equals(warehouse))
                    .findFirst()
                    .orElseThrow();
            assertThat(after.onHand()).isEqualByComparingTo("9");
            assertThat(after.incoming()).isEqualByComparingTo("11");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            threshold(fixture, before.approvalThreshold());
        }
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

    private void threshold(ReplenishFixture fixture, BigDecimal threshold) {
        fixture.asAdmin(() -> {
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(threshold, now.priceTolerance(), now.version()));
        });
    }

    private WebElement button(String text) {
        return browser.waitFor("the button " + text, () -> (WebElement) browser.script(BUTTON_BY_TEXT, text));
    }

    private WebElement field(String label) {
        return browser.waitFor("the field " + label, () -> (WebElement) browser.script(FIELD_BY_LABEL, label));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
