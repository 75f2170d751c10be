package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.nexo.base.ui.documents.DocumentOutput;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.bills.BillRequest;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.bills.ThreeWayMatch;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A sent, partly received order's page on the real database: its PDF and e-mail (to a real SMTP
 * server started here, the e-mail then in the timeline), its receive button, and recording the
 * supplier's bill: prefilled with what was received and not billed, the match shown live as prices
 * change, a missing bill number shown on its field, and the saved bill's page opened. A buyer
 * without purchasing.bill has no such button and the service refuses.
 */
class PurchaseOrderBillingViewTest extends KaribuTest {

    /** The business clock (its time zone decides what day it is), as the services read it. */
    @Autowired
    private Clock clock;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("nexo.test.smtp-port", 2525), "127.0.0.1", "smtp"));

    private static final String ADMIN = PurchaseOrderFixture.ADMIN;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private SupplierBillService bills;

    @Autowired
    private PurchaseSettingsService settings;

    @Autowired
    private RfqService rfqs;

    private PurchaseScreenFixtures users;
    private Order order;

    /** 10 bolts at 10.00 less 10 % (9.00 net) and 4 nuts at 5.00; 6 bolts and the 4 nuts received. */
    @BeforeEach
    void aPartlyReceivedOrder() {
        users = new PurchaseScreenFixtures(context);
        PurchaseOrderFixture fixture = new PurchaseOrderFixture(context);
        UUID supplier = fixture.supplier("Proveedor registro facturas " + UUID.randomUUID());
        UUID warehouse = fixture.warehouse();
        order = fixture.sent(supplier, line(fixture.goods(), "10", "10.00", "10"), line(fixture.goods(), "4", "5.00"));
        fixture.as(ADMIN, () -> {
            receipts.post(
                    order.id(),
                    new ReceiptRequest(
                            warehouse,
                            null,
                            "ALB-3",
                            List.of(
                                    new ReceiptRequest.Line(order.line(1), new BigDecimal("6"), null),
                                    new ReceiptRequest.Line(order.line(2), new BigDecimal("4"), null))));
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(now.approvalThreshold(), new BigDecimal("2"), now.version()));
        });
    }

    private PurchaseDocumentView openOrder() {
        UI.getCurrent().navigate("purchasing/orders/" + order.id());
        return _get(PurchaseDocumentView.class);
    }

    @Test
    void a_supplier_bill_is_recorded_from_the_order_with_the_match_shown_before_saving() {
        login(users.approver);
        PurchaseDocumentView page = openOrder();
        assertThat(page.document().status()).isEqualTo(PurchaseStatus.PARTIALLY_RECEIVED);
        assertThat(page.buttons).containsKeys("bill", "receive");

        page.buttons.get("bill").click();
        SupplierBillDialog dialog = page.billDialog;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.rows).hasSize(2);
        assertThat(dialog.rows.get(0).quantity.getValue()).isEqualByComparingTo("6");
        assertThat(dialog.rows.get(0).price.getValue())
                .as("the order's net price")
                .isEqualByComparingTo("9");
        assertThat(dialog.rows.get(1).quantity.getValue()).isEqualByComparingTo("4");
        assertThat(dialog.result.getText()).isEqualTo("La factura cuadra con el pedido y las recepciones.");

        dialog.rows.get(1).price.setValue(new BigDecimal("5.08"));
        assertThat(dialog.rows.get(1).flags.getText())
                .as("within the 2 % tolerance")
                .isEqualTo("Cuadra");
        dialog.rows.get(1).price.setValue(new BigDecimal("5.50"));
        assertThat(dialog.rows.get(1).flags.getText()).isEqualTo("Precio distinto del pedido");
        dialog.rows.get(0).quantity.setValue(new BigDecimal("7"));
        assertThat(dialog.rows.get(0).flags.getText()).isEqualTo("Facturado más de lo recibido");
        assertThat(dialog.result.getText()).isEqualTo("La factura tiene diferencias: se podrá aprobar con una nota.");

        dialog.save.click();
        assertThat(dialog.reference.isInvalid()).isTrue();
        assertThat(dialog.reference.getErrorMessage()).isEqualTo("Indica el número de la factura del proveedor.");
        assertThat(dialog.isOpened()).isTrue();

        dialog.reference.setValue("FV-" + UUID.randomUUID().toString().substring(0, 8));
        dialog.dueDate.setValue(LocalDate.now(clock).plusDays(30));
        dialog.save.click();
        expectNotifications("Factura de proveedor registrada en borrador.");
        PurchaseRecordView bill = _get(PurchaseRecordView.class);
        assertThat(bill.document().status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(bill.document().orderId()).isEqualTo(order.id());
        assertThat(bill.comparison().result()).isEqualTo(ThreeWayMatch.Result.DIFFERENCES);
        assertThat(bill.comparison().lines()).hasSize(2);
        assertThat(bill.comparison().lines().get(1).match().line().billedPrice())
                .isEqualByComparingTo("5.50");
    }

    @Test
    void a_charge_not_on_the_order_is_added_and_the_due_date_is_proposed_and_kept_after_the_bill_date() {
        login(users.approver);
        PurchaseDocumentView page = openOrder();
        page.buttons.get("bill").click();
        SupplierBillDialog dialog = page.billDialog;
        LocalDate today = LocalDate.now(clock);
        assertThat(dialog.dueDate.getValue())
                .as("a supplier without payment terms: 30 days after the bill's date")
                .isEqualTo(today.plusDays(30));
        dialog.supplierDate.setValue(today.minusDays(10));
        assertThat(dialog.dueDate.getValue())
                .as("proposed again from the new bill date")
                .isEqualTo(today.plusDays(20));
        dialog.dueDate.setValue(today.minusDays(11));
        assertThat(dialog.dueDate.isInvalid()).isTrue();
        assertThat(dialog.dueDate.getErrorMessage()).startsWith("El vencimiento no puede ser anterior a la fecha");
        dialog.reference.setValue("FV-" + UUID.randomUUID().toString().substring(0, 8));
        dialog.save.click();
        assertThat(dialog.isOpened()).as("refused before anything is saved").isTrue();
        dialog.dueDate.setValue(today.plusDays(45));
        assertThat(dialog.dueDate.isInvalid()).isFalse();
        dialog.supplierDate.setValue(today.minusDays(9));
        assertThat(dialog.dueDate.getValue())
                .as("a due date the user chose is kept when the bill date changes")
                .isEqualTo(today.plusDays(45));

        assertThat(dialog.result.getText()).isEqualTo("La factura cuadra con el pedido y las recepciones.");
        SupplierBillDialog.Charge charge = dialog.addCharge();
        charge.amount.setValue(new BigDecimal("12.00"));
        assertThat(charge.flags.getText()).isEqualTo("No está en el pedido");
        assertThat(dialog.result.getText()).isEqualTo("La factura tiene diferencias: se podrá aprobar con una nota.");
        dialog.save.click();
        assertThat(charge.description.isInvalid())
                .as("a charge says what it is for")
                .isTrue();
        assertThat(dialog.isOpened()).isTrue();
        charge.description.setValue("Portes");
        charge.vat.setValue(new BigDecimal("10"));
        SupplierBillDialog.Charge empty = dialog.addCharge();
        assertThat(dialog.charges).contains(empty);
        empty.remove.click();
        assertThat(dialog.charges).containsExactly(charge);
        dialog.save.click();

        expectNotifications("Factura de proveedor registrada en borrador.");
        PurchaseRecordView bill = _get(PurchaseRecordView.class);
        assertThat(bill.comparison().dueDate()).isEqualTo(today.plusDays(45));
        assertThat(bill.comparison().lines()).hasSize(3);
        assertThat(bill.comparison().lines().get(2).description()).isEqualTo("Portes");
        assertThat(bill.comparison().lines().get(2).match().issues()).containsExactly(ThreeWayMatch.Issue.NOT_ON_ORDER);
        assertThat(bill.getElement().getTextRecursively()).contains("Vence el");
        assertThat(bill.document().vatAmount())
                .as("bolts 54.00 and nuts 20.00 at 21 %, the freight 12.00 at 10 %")
                .isEqualByComparingTo("16.74");
    }

    @Test
    void a_buyer_without_purchasing_bill_has_no_bill_or_receive_button_and_the_service_refuses() {
        login(users.buyer);
        PurchaseDocumentView page = openOrder();
        assertThat(page.buttons).doesNotContainKeys("bill", "receive");
        assertThatThrownBy(() -> bills.record(
                        order.id(),
                        new BillRequest(
                                "X-1",
                                LocalDate.now(clock),
                                null,
                                List.of(new BillRequest.Line(order.line(2), BigDecimal.ONE, new BigDecimal("5"))))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_order_pdf_downloads_and_its_e_mail_goes_out_and_shows_in_the_timeline() {
        login(users.buyer);
        PurchaseDocumentView page = openOrder();
        DocumentOutput output = _get(page.output, DocumentOutput.class);
        assertThat(output.pdf.isVisible()).isTrue();
        assertThat(output.email.isVisible()).as("the buyer may send").isTrue();

        output.email.click();
        DocumentOutput.EmailDialog email = _get(DocumentOutput.EmailDialog.class);
        email.to.setValue("compras-proveedor@example.com");
        email.send.click();
        expectNotifications("Enviado a compras-proveedor@example.com.");
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(page.timeline.getElement().getTextRecursively()).contains("envió un correo");
    }

    @Test
    void an_rfq_is_printed_and_e_mailed_per_supplier_and_to_all_with_who_has_no_address_said() {
        String name = "Proveedor oferta " + UUID.randomUUID();
        UUID invited = users.supplier(name);
        UUID warehouse = users.warehouse();
        UUID goods = users.goods();
        UUID rfq = users.as(users.approver, () -> {
            UUID id = rfqs.create(DraftRfq.of(
                    warehouse,
                    LocalDate.now(clock).plusDays(5),
                    List.of(OrderLine.article(goods, new BigDecimal("10"), BigDecimal.ZERO)),
                    List.of(invited)));
            rfqs.send(id, 0);
            return id;
        });
        login(users.buyer);
        UI.getCurrent().navigate("purchasing/rfqs/" + rfq);
        PurchaseDocumentView page = _get(PurchaseDocumentView.class);

        DocumentOutput output = (DocumentOutput) GridKt._getCellComponent(page.suppliers, 0, "output");
        assertThat(output.pdf.isVisible()).isTrue();
        output.email.click();
        DocumentOutput.EmailDialog email = _get(DocumentOutput.EmailDialog.class);
        email.to.setValue("ofertas@example.com");
        email.send.click();
        expectNotifications("Enviado a ofertas@example.com.");
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();

        page.buttons.get("send-all").click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        expectNotifications("Sin e-mail, no se ha enviado a: " + name + ".");
    }
}
