package com.nexo.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleRegistration;
import com.nexo.articles.ArticleRegistration.Kind;
import com.nexo.articles.ArticleRegistration.NewArticle;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.tenancy.TenantContext;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo production user makes an article in a real browser, in Spanish: a bill for it (a material
 * typed by its code, and an assembly service the user performs) is created from the bills list, saved
 * and activated; an order of five is created from the orders list into the central warehouse and
 * released (its material reserved); on the shop-floor screen (which opens on the user's own work as a
 * worker) the order is started, the five made are recorded by scanning the article's code (the bill's
 * consumption with them) and the order is finished; the article's page shows five on hand and the
 * material's page what was consumed. Screenshots at 1280 and 768 px (the shop floor also at 390 px)
 * in {@code target/screenshots/}, without sideways scrolling.
 */
@NexoSpringTest
class ProductionJourneyTest {

    private static final UUID DEMO = UUID.fromString("0195f3a0-0000-7000-8000-000000000001");
    private static final String USER = "produccion@demo.nexo";
    private static final String PASSWORD = "Demo-2026!";

    /** The input of a visible field (text, number, combo box, date) by its id. */
    private static final String INPUT_BY_ID = """
            const field = document.getElementById(arguments[0]);
            return field && field.checkVisibility() ? field.querySelector('input') : null;
            """;

    /** A visible element by its id. */
    private static final String BY_ID = """
            const element = document.getElementById(arguments[0]);
            return element && element.checkVisibility() ? element : null;
            """;

    /** The item an open combo box offers containing the text (null while there is none). */
    private static final String OFFERED = """
            return [...document.querySelectorAll('vaadin-combo-box-item')]
                .find(item => item.textContent.includes(arguments[0]) && item.checkVisibility()) || null;
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

    /** An item of an open select by its text (null while there is none). */
    private static final String SELECT_ITEM = """
            return [...document.querySelectorAll('vaadin-select-item')]
                .find(item => item.textContent.trim() === arguments[0] && item.checkVisibility()) || null;
            """;

    /** The visible button of class arguments[1] on the shop-floor card of the article code arguments[0]. */
    private static final String CARD_BUTTON = """
            const card = [...document.querySelectorAll('.floor-card')]
                .find(c => c.textContent.includes(arguments[0]));
            if (!card) return null;
            const button = card.querySelector('vaadin-button.' + arguments[1]);
            if (!button || !button.checkVisibility()) return null;
            // The floor lists every card of the user's work: the card may sit below the fold of the
            // page's own scroller, where a click would land on whatever covers that point.
            button.scrollIntoView({block: 'center'});
            return button;
            """;

    /** Null when the page scrolls no sideways; else how much wider it is than the window. */
    private static final String NO_SIDEWAYS_SCROLL = """
            const extra = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            return extra > 1 ? 'scrolls sideways by ' + extra + ' px' : null;
            """;

    @LocalServerPort
    private int port;

    @Autowired
    private ArticleRegistration registration;

    @Autowired
    private ArticleDirectory directory;

    @Autowired
    private StockService stock;

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
    void a_bill_is_made_an_order_released_its_output_recorded_and_the_stock_shows_it() {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String productCode = "JP-" + tag + "-CARRO";
        String inputCode = "JP-" + tag + "-CHAPA";
        UUID warehouse = asSystem(() -> directory.activeWarehouses().stream()
                .filter(w -> w.code().equals("CEN"))
                .findFirst()
                .orElseThrow()
                .id());
        UUID product = asSystem(() -> registration.register(new NewArticle(
                productCode,
                Kind.GOODS,
                "Carro de taller " + tag,
                "Workshop trolley " + tag,
                "ud",
                new BigDecimal("150.00"),
                BigDecimal.ZERO,
                new BigDecimal("21"))));
        UUID input = asSystem(() -> registration.register(new NewArticle(
                inputCode,
                Kind.INPUT,
                "Chapa para carro " + tag,
                "Trolley sheet " + tag,
                "ud",
                BigDecimal.ZERO,
                new BigDecimal("4.00"),
                new BigDecimal("21"))));
        String serviceCode = "JP-" + tag + "-MONTAJE";
        asSystem(() -> registration.register(new NewArticle(
                serviceCode,
                Kind.SERVICE,
                "Montaje de carro " + tag,
                "Trolley assembly " + tag,
                "h",
                BigDecimal.ZERO,
                new BigDecimal("20.00"),
                new BigDecimal("21"))));
        asSystem(() -> stock.receive(StockEntry.of(input, warehouse, new BigDecimal("100"), "Journey")));

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(USER, PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        // A new bill for the trolley, from the bills list.
        browser.open(url("/production/boms"));
        browser.waitForVaadin();
        byId("bom-new").click();
        pick("bom-article", productCode);
        byId("bom-create").click();
        browser.waitUntil("the bill's editor", () -> browser.currentPath().matches("/production/boms/[0-9a-f-]{36}"));
        browser.waitForVaadin();

        // One material: two sheets per trolley, typed by the sheet's code.
        pick("line-article", inputCode);
        WebElement quantity = input("line-quantity");
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        browser.waitForVaadin();
        byId("line-add").click();
        browser.waitForVaadin();
        browser.waitUntil("the line in the bill", () -> browser.visibleText().contains(inputCode));
        // Half an hour of assembly per trolley, by the user as a worker.
        byId("line-kind").click();
        browser.waitUntil("the service kind picked", () -> {
            WebElement item = (WebElement) browser.script(SELECT_ITEM, "Servicio");
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
        browser.waitForVaadin();
        pick("line-article", serviceCode);
        input("line-quantity").sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5", Keys.TAB);
        browser.waitForVaadin();
        pick("line-worker", "Pedro Producción");
        byId("line-add").click();
        browser.waitForVaadin();
        browser.waitUntil("the service in the bill", () -> browser.visibleText().contains(serviceCode));
        byId("bom-save").click();
        browser.waitForVaadin();
        byId("bom-activate").click();
        browser.waitForVaadin();
        browser.waitUntil("the bill activated", () -> browser.script(BY_ID, "bom-activate") == null);
        screenshots("production-journey-bom");

        // An order of five into the central warehouse, from the orders list; released.
        browser.open(url("/production/orders"));
        browser.waitForVaadin();
        byId("order-new").click();
        pick("order-article", productCode);
        input("order-quantity").sendKeys(Keys.chord(Keys.CONTROL, "a"), "5", Keys.TAB);
        browser.waitForVaadin();
        pick("order-warehouse", "CEN");
        byId("order-create").click();
        browser.waitUntil("the order's page", () -> browser.currentPath().matches("/production/orders/[0-9a-f-]{36}"));
        browser.waitForVaadin();
        byId("order-release").click();
        browser.waitForVaadin();
        browser.waitUntil("the order's number", () -> browser.visibleText().matches("(?s).*OF\\S*\\d+.*"));
        screenshots("production-journey-order-released");

        // The shop floor opens on the user's work as a worker: the order's card, started, its five
        // recorded by scanning the trolley's code (with what the bill says they consume), finished.
        browser.open(url("/production/floor"));
        browser.waitForVaadin();
        cardButton(productCode, "floor-start").click();
        browser.waitForVaadin();
        browser.waitUntil("the order started", () -> browser.script(CARD_BUTTON, productCode, "floor-start") == null);
        phoneScreenshots("production-journey-floor");
        cardButton(productCode, "floor-record").click();
        WebElement scan = input("floor-scan");
        scan.sendKeys(productCode, Keys.ENTER);
        browser.waitForVaadin();
        browser.waitUntil("the scanned trolley", () -> browser.visibleText().contains("Carro de taller " + tag));
        input("floor-quantity").sendKeys(Keys.chord(Keys.CONTROL, "a"), "5", Keys.TAB);
        browser.waitForVaadin();
        screenshots("production-journey-floor-record");
        byId("floor-confirm").click();
        browser.waitForVaadin();
        browser.waitUntil("the record dialog closed", () -> browser.script(BY_ID, "floor-confirm") == null);
        cardButton(productCode, "floor-finish").click();
        byId("floor-finish-confirm").click();
        browser.waitForVaadin();
        browser.waitUntil(
                "the finished order off the floor",
                () -> browser.script(CARD_BUTTON, productCode, "floor-finish") == null);

        // The trolley's page: five on hand in the central warehouse; the sheet's: 90.
        browser.open(url("/articles/" + product));
        browser.waitForText("Pedido (en camino)");
        browser.waitForVaadin();
        @SuppressWarnings("unchecked")
        List<String> made5 =
                browser.waitFor("the balance row of CEN", () -> (List<String>) browser.script(BALANCE_ROW, "CEN"));
        assertThat(made5.get(1)).as("trolleys on hand").startsWith("5");
        screenshots("production-journey-article");
        browser.open(url("/articles/" + input));
        browser.waitForText("Pedido (en camino)");
        browser.waitForVaadin();
        @SuppressWarnings("unchecked")
        List<String> sheets =
                browser.waitFor("the balance row of CEN", () -> (List<String>) browser.script(BALANCE_ROW, "CEN"));
        assertThat(sheets.get(1)).as("sheets on hand").startsWith("90");
        assertThat(asSystem(() -> stock.position(product, warehouse).onHand())).isEqualByComparingTo("5");
        assertThat(asSystem(() -> stock.position(input, warehouse).onHand())).isEqualByComparingTo("90");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private <T> T asSystem(Supplier<T> work) {
        return TenantContext.callAsSystem(DEMO, null, work);
    }

    /** Types {@code text} into the combo box {@code id} and picks the item offered for it. */
    private void pick(String id, String text) {
        WebElement field = input(id);
        field.click();
        field.sendKeys(text);
        // The item is clicked as a person would: Enter alone takes only a text that is a whole label.
        browser.waitUntil(text + " picked", () -> {
            WebElement item = (WebElement) browser.script(OFFERED, text);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
        browser.waitForVaadin();
        browser.waitUntil(
                "the list of " + id + " closed",
                () -> Boolean.TRUE.equals(
                        browser.script("return !document.querySelector('vaadin-combo-box-overlay[opened]');")));
    }

    private WebElement byId(String id) {
        return browser.waitFor("#" + id, () -> (WebElement) browser.script(BY_ID, id));
    }

    private WebElement input(String id) {
        return browser.waitFor("the input of #" + id, () -> (WebElement) browser.script(INPUT_BY_ID, id));
    }

    private WebElement cardButton(String code, String className) {
        return browser.waitFor("the " + className + " of the card of " + code, () ->
                (WebElement) browser.script(CARD_BUTTON, code, className));
    }

    /** The screenshots at 1280 and 768 px, and one at 390 px (a phone held upright). */
    private void phoneScreenshots(String name) {
        screenshots(name);
        browser.resizeViewport(390, 844);
        browser.waitUntil(name + " fits a phone", () -> browser.script(NO_SIDEWAYS_SCROLL) == null);
        browser.screenshot(name + "-390x844");
        browser.desktop();
        browser.settle();
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
