package com.nexo.purchasing.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.journeys.Browser;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortalFixtures;
import com.nexo.purchasing.portal.SupplierResponseService;
import com.nexo.testing.NexoSpringTest;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The supplier portal in a real browser, in Spanish: a supplier's portal user logs in, opens the
 * purchase order sent to it, proposes a later delivery date for its first line with a comment; the
 * buyer logs in to the back office and finds the proposal on the order's page. Screenshots at 1280
 * and 390 px in {@code target/screenshots/}.
 */
@NexoSpringTest
class SupplierPortalJourneyTest {

    private static final String PASSWORD = "Prueba-2026!";

    /** Sets a date picker's value (ISO) as the browser's user would, so that Flow receives it. */
    private static final String SET_DATE = """
            const picker = document.getElementById(arguments[0]);
            if (!picker) return false;
            picker.value = arguments[1];
            picker.dispatchEvent(new CustomEvent('change', {bubbles: true}));
            return true;
            """;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private SupplierResponseService responses;

    @Autowired
    private PurchaseOrderService orders;

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
    void a_supplier_proposes_another_date_for_its_order_and_the_buyer_sees_the_proposal() {
        SupplierPortalFixtures fixtures = new SupplierPortalFixtures(context);
        UUID orderId = fixtures.sentOrder();
        String number = fixtures.purchasing.asBuyer(() -> orders.order(orderId)).number();
        LocalDate later = LocalDate.now().plusDays(25);

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(fixtures.supplierUser, PASSWORD);
        browser.waitUntil("the portal", () -> !browser.currentPath().startsWith("/login"));
        browser.waitForVaadin();
        browser.open(url("/portal/purchase-orders/" + orderId));
        browser.waitForVaadin();
        browser.waitForText(number);
        assertThat(browser.script(SET_DATE, "portal-order-date-1", later.toString()))
                .isEqualTo(true);
        WebElement comment = browser.waitFor(
                "the comment",
                () -> (WebElement) browser.script("const f = document.getElementById('portal-order-comment');"
                        + " return f ? f.querySelector('textarea') : null;"));
        comment.sendKeys("Los tornillos llegan más tarde");
        browser.waitForVaadin();
        browser.find("#portal-order-propose").click();
        browser.waitForVaadin();
        browser.waitUntil(
                "the response shown as a proposal",
                () -> Boolean.TRUE.equals(browser.script("const s = document.getElementById('portal-order-response');"
                        + " return !!s && s.textContent.includes('Propuesta enviada');")));
        browser.screenshot("supplier-portal-proposal-1280");
        browser.resizeViewport(390, 844);
        browser.waitForVaadin();
        browser.screenshot("supplier-portal-proposal-390");

        Order proposed =
                fixtures.purchasing.asBuyer(() -> responses.order(orderId)).orElseThrow();
        assertThat(proposed.lines().get(0).proposedDate()).isEqualTo(later);

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(fixtures.purchasing.buyer, PASSWORD);
        browser.waitUntil("the start page", () -> !browser.currentPath().startsWith("/login"));
        browser.waitForVaadin();
        browser.open(url("/purchasing/orders/" + orderId));
        browser.waitForVaadin();
        browser.waitUntil(
                "the supplier's proposal on the order page",
                () -> Boolean.TRUE.equals(
                        browser.script("const s = document.getElementById('supplier-response-status');"
                                + " return !!s && s.textContent.includes('El proveedor propone cambios');")));
        browser.waitForText("Los tornillos llegan más tarde");
        browser.screenshot("supplier-portal-buyer-sees-proposal");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
