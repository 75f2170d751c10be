package com.nexo.sales.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.AccountFixtures;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.journeys.Browser;
import com.nexo.sales.pricing.PriceListForm;
import com.nexo.sales.pricing.PriceListItemForm;
import com.nexo.sales.pricing.PriceListService;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The price list screens in a real browser, as the demo sales user, on a desktop and on a tablet: the
 * list and a list's page with its prices show their key columns without scrolling sideways.
 * Screenshots end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class PriceListJourneyTest {

    private static final String PASSWORD = "Demo-2026!";

    /** Null when no grid of the page scrolls sideways and each of the texts is shown whole; else what is wrong. */
    private static final String GRIDS_FIT = """
            for (const grid of document.querySelectorAll('vaadin-grid')) {
                const table = grid.shadowRoot.querySelector('#table');
                if (table.scrollWidth > table.clientWidth + 1) return 'a grid scrolls sideways';
            }
            for (const title of arguments) {
                const header = [...document.querySelectorAll('vaadin-grid-cell-content')]
                    .find(cell => cell.textContent.trim() === title && cell.checkVisibility());
                if (!header) return title + ' not shown';
                if (header.scrollWidth > header.clientWidth + 1) return title + ' cut short';
            }
            return null;
            """;

    @LocalServerPort
    private int port;

    @Autowired
    private PriceListService priceLists;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ArticleService articleService;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

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
    void the_lists_and_a_lists_prices_fit_a_desktop_and_a_tablet() {
        ArticleFixtures articles = new ArticleFixtures(users, articleService, categories, warehouses, units);
        PriceListForm form = new PriceListForm();
        form.setName("Tarifa de hostelería " + articles.tag);
        form.setValidFrom(LocalDate.of(2026, 1, 1));
        form.setValidTo(LocalDate.of(2026, 12, 31));
        form.setClientGroup("HOSTELERIA");
        UUID list = LoggedIn.asUser(users, AccountFixtures.SALES, () -> priceLists.save(form));
        for (int i = 0; i < 3; i++) {
            UUID article = articles.article(null, "ud");
            for (String[] quantityBreak : new String[][] {{"0", "12.40"}, {"25", "11.90"}}) {
                LoggedIn.asUser(
                        users,
                        AccountFixtures.SALES,
                        () -> priceLists.saveItem(
                                list,
                                new PriceListItemForm(
                                        null,
                                        null,
                                        article,
                                        new BigDecimal(quantityBreak[0]),
                                        new BigDecimal(quantityBreak[1]),
                                        new BigDecimal("2.5"))));
            }
        }

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(AccountFixtures.SALES, PASSWORD);
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        for (String device : new String[] {"desktop", "tablet"}) {
            if (device.equals("tablet")) {
                browser.tablet();
            }
            browser.open(url("/sales/price-lists"));
            browser.waitForText("Tarifa de hostelería " + articles.tag);
            assertThat(browser.script(GRIDS_FIT, "Nombre", "Se aplica a", "Estado"))
                    .as("the price lists on a " + device)
                    .isNull();
            browser.screenshot("sales-price-lists-" + device);

            browser.open(url("/sales/price-lists/" + list));
            browser.waitForText("Grupo HOSTELERIA");
            browser.waitForText("6 precios");
            assertThat(browser.script(GRIDS_FIT, "Código", "Desde cantidad", "Precio unitario", "Descuento"))
                    .as("a price list's prices on a " + device)
                    .isNull();
            browser.screenshot("sales-price-list-" + device);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
