package com.nexo.purchasing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.journeys.Browser;
import com.nexo.purchasing.documents.AnswerLine;
import com.nexo.purchasing.documents.DraftOrder;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.RfqService;
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
 * A purchasing user opens a sent order's page and an answered RFQ's comparison in a real browser, on
 * a desktop and on a tablet, without sideways scrolling. Screenshots end up in {@code
 * target/screenshots/}.
 */
@NexoSpringTest
class PurchaseDocumentJourneyTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private RfqService rfqs;

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
    void an_order_and_an_rfq_comparison_fit_a_desktop_and_a_tablet() {
        PurchaseScreenFixtures fixtures = new PurchaseScreenFixtures(context);
        UUID supplier = fixtures.supplier(
                "Suministros Norte " + UUID.randomUUID().toString().substring(0, 4));
        UUID other = fixtures.supplier(
                "Ferretería Sur " + UUID.randomUUID().toString().substring(0, 4));
        UUID warehouse = fixtures.warehouse();
        UUID bolts = fixtures.goods();
        UUID nuts = fixtures.goods();
        UUID order = fixtures.as(fixtures.approver, () -> {
            UUID id = orders.create(DraftOrder.of(
                    supplier,
                    warehouse,
                    LocalDate.now().plusDays(7),
                    List.of(
                            new OrderLine(
                                    bolts,
                                    "SN-1001",
                                    null,
                                    new BigDecimal("40"),
                                    null,
                                    new BigDecimal("0.85"),
                                    null,
                                    null),
                            new OrderLine(
                                    nuts,
                                    null,
                                    null,
                                    new BigDecimal("200"),
                                    null,
                                    new BigDecimal("0.12"),
                                    new BigDecimal("5"),
                                    null),
                            OrderLine.text("Portes", BigDecimal.ONE, new BigDecimal("12.00"), new BigDecimal("21")))));
            orders.submit(id, 0);
            return id;
        });
        UUID rfq = fixtures.as(fixtures.approver, () -> {
            UUID id = rfqs.create(DraftRfq.of(
                    warehouse,
                    LocalDate.now().plusDays(5),
                    List.of(
                            OrderLine.article(bolts, new BigDecimal("100"), BigDecimal.ZERO),
                            OrderLine.article(nuts, new BigDecimal("50"), BigDecimal.ZERO)),
                    List.of(supplier, other)));
            rfqs.send(id, 0);
            List<PurchaseLine> lines = rfqs.rfq(id).document().lines();
            rfqs.recordAnswer(
                    id,
                    supplier,
                    "OF-1",
                    null,
                    List.of(
                            new AnswerLine(
                                    lines.get(0).id(),
                                    new BigDecimal("1.20"),
                                    null,
                                    new BigDecimal("100"),
                                    LocalDate.now().plusDays(3)),
                            new AnswerLine(
                                    lines.get(1).id(), new BigDecimal("0.50"), null, new BigDecimal("50"), null)));
            rfqs.recordAnswer(
                    id,
                    other,
                    "Q-77",
                    null,
                    List.of(new AnswerLine(
                            lines.get(0).id(),
                            new BigDecimal("1.00"),
                            new BigDecimal("2"),
                            new BigDecimal("100"),
                            null)));
            return id;
        });

        browser.forgetCookies();
        browser.desktop();
        browser.open(url("/login"));
        browser.submitLoginForm(fixtures.approver, "Prueba-2026!");
        browser.waitUntil("the start page", () -> browser.currentPath().equals("/"));
        browser.waitForVaadin();

        browser.open(url("/purchasing/orders/" + order));
        browser.waitForText("Documentos relacionados");
        browser.waitForVaadin();
        assertThat(browser.visibleText()).contains("Suministros Norte", "Base imponible");
        browser.screenshot("purchase-order-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.settle();
        browser.screenshot("purchase-order-768x1024");
        assertNoSidewaysScrolling("768 px");

        browser.desktop();
        browser.open(url("/purchasing/rfqs/" + rfq));
        browser.waitForText("Comparativa de respuestas");
        browser.waitForVaadin();
        browser.screenshot("purchase-rfq-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.settle();
        browser.screenshot("purchase-rfq-768x1024");
        assertNoSidewaysScrolling("768 px");

        browser.desktop();
        browser.open(url("/purchasing/orders/new"));
        browser.waitForText("Añadir artículo");
        browser.waitForVaadin();
        browser.screenshot("purchase-editor-1280x800");
        assertNoSidewaysScrolling("1280 px");
        browser.tablet();
        browser.settle();
        browser.screenshot("purchase-editor-768x1024");
        assertNoSidewaysScrolling("768 px");
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
