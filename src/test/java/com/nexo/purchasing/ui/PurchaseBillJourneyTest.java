package com.nexo.purchasing.ui;

import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.journeys.Browser;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.bills.BillRequest;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An approver opens a supplier bill with differences, its receipt and the order with the "record
 * bill" dialog in a real browser, on a desktop and on a tablet, without sideways scrolling.
 * Screenshots end up in {@code target/screenshots/}.
 */
@NexoSpringTest
class PurchaseBillJourneyTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private SupplierBillService bills;

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
    void a_bill_with_differences_and_its_receipt_fit_a_desktop_and_a_tablet() {
        PurchaseScreenFixtures users = new PurchaseScreenFixtures(context);
        PurchaseOrderFixture fixture = new PurchaseOrderFixture(context);
        UUID supplier = fixture.supplier(
                "Suministros Levante " + UUID.randomUUID().toString().substring(0, 4));
        UUID warehouse = fixture.warehouse();
        Order order =
                fixture.sent(supplier, line(fixture.goods(), "40", "0.85"), line(fixture.goods(), "200", "0.12", "5"));
        String receipt = fixture.as(
                PurchaseOrderFixture.ADMIN,
                () -> receipts.post(
                                order.id(),
                                new ReceiptRequest(
                                        warehouse,
                                        null,
                                        "ALB-2291",
                                        List.of(
                                                new ReceiptRequest.Line(order.line(1), new BigDecimal("30"), null),
                                                new ReceiptRequest.Line(order.line(2), new BigDecimal("200"), null))))
                        .receiptId()
                        .toString());
        UUID bill = fixture.as(
                PurchaseOrderFixture.ADMIN,
                () -> bills.record(
                        order.id(),
                        new BillRequest(
                                "FV-" + UUID.randomUUID().toString().substring(0, 6),
                                LocalDate.now(),
                                LocalDate.now().plusDays(30),
                                List.of(
                                        new BillRequest.Line(
                                                order.line(1), new BigDecimal("40"), new BigDecimal("0.85")),
                                        new BillRequest.Line(
                                                order.line(2), new BigDecimal("200"), new BigDecimal("0.125")),
                                        new BillRequest.Line(
                                                null, "Portes", BigDecimal.ONE, new BigDecimal("12.00"))))));

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(users.approver, "Prueba-2026!");
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        browser.open(url("/purchasing/bills/" + bill));
        browser.waitForText("Cotejo con el pedido");
        browser.waitForVaadin();
        assertThat(browser.visibleText())
                .contains(
                        "Con diferencias",
                        "Facturado más de lo recibido",
                        "Precio distinto del pedido",
                        "No está en el pedido");
        browser.screenshot("purchase-bill-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.settle();
        browser.screenshot("purchase-bill-768x1024");
        assertNoSidewaysScrolling("768 px");

        browser.desktop();
        browser.open(url("/purchasing/receipts/" + receipt));
        browser.waitForText("Documentos relacionados");
        browser.waitForVaadin();
        browser.screenshot("purchase-receipt-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.settle();
        browser.screenshot("purchase-receipt-768x1024");
        assertNoSidewaysScrolling("768 px");

        browser.desktop();
        browser.open(url("/purchasing/orders/" + order.id()));
        browser.waitForText("Registrar factura");
        browser.waitForVaadin();
        browser.screenshot("purchase-order-output-1280x800");
        browser.findDeep("vaadin-button.action-bill").click();
        browser.waitForText("Vencimiento");
        browser.settle();
        browser.screenshot("purchase-bill-dialog-1280x800");
        browser.tablet();
        browser.settle();
        browser.screenshot("purchase-bill-dialog-768x1024");
        browser.desktop();
    }

    private void assertNoSidewaysScrolling(String width) {
        Object scrolls = browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(scrolls).as("the page scrolls sideways at %s", width).isEqualTo(false);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
