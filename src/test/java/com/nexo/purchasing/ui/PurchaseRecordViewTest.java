package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.base.ui.documents.DocumentReasonDialog;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.bills.BillRequest;
import com.nexo.purchasing.bills.SupplierBillService;
import com.nexo.purchasing.bills.ThreeWayMatch;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseSettings;
import com.nexo.purchasing.documents.PurchaseSettingsService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.receiving.PostedReceipt;
import com.nexo.purchasing.receiving.ReceiptRequest;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The receipt and supplier bill pages on the real database: a bill with differences shown line by
 * line and approved only with a note by someone who may approve; a buyer without purchasing.approve
 * sees no approve button (and the service refuses), but may cancel with a reason; a step over a bill
 * someone else changed is refused and explained; a receipt shows its lines and its order.
 */
class PurchaseRecordViewTest extends KaribuTest {

    private static final String ADMIN = PurchaseOrderFixture.ADMIN;

    @Autowired
    private SupplierBillService bills;

    @Autowired
    private ReceiptService receipts;

    @Autowired
    private PurchaseSettingsService settings;

    private PurchaseScreenFixtures users;
    private PurchaseOrderFixture fixture;
    private Order order;
    private PostedReceipt receipt;

    /** 10 bolts at 9.00 and 4 nuts at 5.00; 6 bolts and 4 nuts received; no price tolerance. */
    @BeforeEach
    void aPartlyReceivedOrder() {
        users = new PurchaseScreenFixtures(context);
        fixture = new PurchaseOrderFixture(context);
        UUID supplier = fixture.supplier("Proveedor pantalla facturas " + UUID.randomUUID());
        UUID warehouse = fixture.warehouse();
        order = fixture.sent(supplier, line(fixture.goods(), "10", "9.00"), line(fixture.goods(), "4", "5.00"));
        receipt = fixture.as(
                ADMIN,
                () -> receipts.post(
                        order.id(),
                        new ReceiptRequest(
                                warehouse,
                                null,
                                "ALB-9",
                                List.of(
                                        new ReceiptRequest.Line(order.line(1), new BigDecimal("6"), null),
                                        new ReceiptRequest.Line(order.line(2), new BigDecimal("4"), null)))));
        fixture.as(ADMIN, () -> {
            PurchaseSettings now = settings.settings();
            return settings.save(new PurchaseSettings(now.approvalThreshold(), BigDecimal.ZERO, now.version()));
        });
    }

    private UUID bill(BillRequest.Line... lines) {
        return fixture.as(
                ADMIN,
                () -> bills.record(
                        order.id(), new BillRequest("F-" + UUID.randomUUID(), LocalDate.now(), null, List.of(lines))));
    }

    private UUID billWithDifferences() {
        return bill(
                new BillRequest.Line(order.line(1), new BigDecimal("8"), new BigDecimal("9.00")),
                new BillRequest.Line(order.line(2), new BigDecimal("4"), new BigDecimal("5.50")),
                new BillRequest.Line(null, "Portes", BigDecimal.ONE, new BigDecimal("7.00")));
    }

    private PurchaseRecordView open(String route) {
        UI.getCurrent().navigate(route);
        return _get(PurchaseRecordView.class);
    }

    @Test
    void a_bill_with_differences_shows_them_line_by_line_and_is_approved_only_with_a_note() {
        UUID id = billWithDifferences();
        login(users.approver);

        PurchaseRecordView page = open(PurchaseRoutes.document(PurchaseKind.BILL, id));
        assertThat(page.getPageTitle()).isEqualTo("Factura de proveedor (borrador)");
        assertThat(page.state.getText()).isEqualTo("Borrador");
        assertThat(page.match.getText()).isEqualTo("Con diferencias");
        assertThat(GridKt._size(page.matchLines)).isEqualTo(3);
        assertThat(page.issues(GridKt._get(page.matchLines, 0))).isEqualTo("Facturado más de lo recibido");
        assertThat(page.issues(GridKt._get(page.matchLines, 1))).isEqualTo("Precio distinto del pedido");
        assertThat(page.issues(GridKt._get(page.matchLines, 2))).isEqualTo("No está en el pedido");
        assertThat(page.matchLines.getPartNameGenerator().apply(GridKt._get(page.matchLines, 0)))
                .isEqualTo("match-issue");
        assertThat(page.related.list.getElement().getTextRecursively()).contains(order.number());
        assertThat(page.buttons).containsKeys("approve", "cancel");

        page.buttons.get("approve").click();
        DocumentReasonDialog note = _get(DocumentReasonDialog.class);
        note.confirm.click();
        assertThat(note.reason.isInvalid()).as("a note is required").isTrue();
        assertThat(page.document().status()).isEqualTo(PurchaseStatus.DRAFT);
        note.reason.setValue("Portes pactados por teléfono; el resto llega mañana");
        note.confirm.click();

        assertThat(page.document().status()).isEqualTo(PurchaseStatus.APPROVED);
        assertThat(page.document().number()).startsWith("FP");
        expectNotifications("Factura de proveedor aprobada: " + page.document().number() + ".");
        assertThat(page.getPageTitle())
                .isEqualTo("Factura de proveedor " + page.document().number());
        assertThat(page.buttons).doesNotContainKey("approve").containsKey("cancel");
        assertThat(page.comparison().result()).isEqualTo(ThreeWayMatch.Result.DIFFERENCES);
    }

    @Test
    void a_buyer_without_approve_sees_no_approve_button_is_refused_by_the_service_and_may_cancel() {
        UUID id = bill(new BillRequest.Line(order.line(1), new BigDecimal("6"), new BigDecimal("9.00")));
        login(users.buyer);

        PurchaseRecordView page = open("purchasing/bills/" + id);
        assertThat(page.match.getText()).isEqualTo("Cuadra");
        assertThat(page.issues(GridKt._get(page.matchLines, 0))).isEqualTo("Cuadra");
        assertThat(page.buttons).doesNotContainKey("approve").containsKey("cancel");
        assertThatThrownBy(() -> bills.approve(id, null)).isInstanceOf(AccessDeniedException.class);

        page.buttons.get("cancel").click();
        DocumentReasonDialog reason = _get(DocumentReasonDialog.class);
        reason.reason.setValue("Factura duplicada por el proveedor");
        reason.confirm.click();
        expectNotifications("Anulado.");
        assertThat(page.document().status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(page.state.getText()).isEqualTo("Anulado");
        assertThat(page.buttons).isEmpty();
    }

    @Test
    void approving_a_bill_someone_else_cancelled_meanwhile_is_refused_and_explained() {
        UUID id = bill(new BillRequest.Line(order.line(2), new BigDecimal("4"), new BigDecimal("5.00")));
        login(users.approver);
        PurchaseRecordView page = open("purchasing/bills/" + id);
        assertThat(page.conflict.isShown()).isFalse();

        fixture.as(ADMIN, () -> {
            bills.cancel(id, "La anula otra persona");
            return null;
        });

        page.buttons.get("approve").click();
        expectNotifications("Solo se puede aprobar una factura de proveedor en borrador.");
        assertThat(page.conflict.isShown()).isTrue();
        assertThat(page.document().status()).as("the page keeps what it showed").isEqualTo(PurchaseStatus.DRAFT);
    }

    @Test
    void a_receipt_shows_its_lines_and_its_order_and_an_unknown_id_is_not_found() {
        login(users.buyer);
        PurchaseRecordView page = open("purchasing/receipts/" + receipt.receiptId());
        assertThat(page.getPageTitle()).isEqualTo("Recepción " + receipt.number());
        assertThat(GridKt._size(page.lines)).isEqualTo(2);
        assertThat(page.comparison()).as("a receipt has no match").isNull();
        assertThat(page.buttons).isEmpty();
        assertThat(page.related.list.getElement().getTextRecursively()).contains(order.number());

        UI.getCurrent().navigate("purchasing/bills/" + receipt.receiptId());
        _get(com.nexo.shell.ui.NotFoundView.class); // a receipt's id is no bill
    }
}
