package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.nexo.purchasing.documents.AnswerLine;
import com.nexo.purchasing.documents.DraftOrder;
import com.nexo.purchasing.documents.DraftRfq;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseKind;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.PurchaseStatus;
import com.nexo.purchasing.documents.RfqComparison;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.documents.RfqSupplier;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The purchase order and RFQ page as real users use it, on the real database: an order submitted
 * by a buyer who may not approve (no approve button, and the service refuses), approved by someone
 * who may and sent; a step over someone else's newer version explained; an RFQ sent, its answers
 * recorded, compared side by side and one chosen.
 */
class PurchaseDocumentViewTest extends KaribuTest {

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private RfqService rfqs;

    private PurchaseScreenFixtures fixtures;
    private UUID supplier;
    private UUID warehouse;
    private UUID bolts;
    private UUID nuts;

    @BeforeEach
    void aSupplierArticlesAndAWarehouse() {
        fixtures = new PurchaseScreenFixtures(context);
        supplier = fixtures.supplier("Proveedora Pantalla " + UUID.randomUUID());
        warehouse = fixtures.warehouse();
        bolts = fixtures.goods();
        nuts = fixtures.goods();
    }

    private UUID bigDraftOrder() {
        // 10 × 50.00 = 500.00 before tax, far above the 100.00 threshold.
        return fixtures.as(
                fixtures.buyer,
                () -> orders.create(DraftOrder.of(
                        supplier,
                        warehouse,
                        LocalDate.now().plusDays(7),
                        List.of(
                                OrderLine.article(bolts, new BigDecimal("10"), new BigDecimal("50.00")),
                                OrderLine.text(
                                        "Portes", BigDecimal.ONE, new BigDecimal("7.35"), new BigDecimal("21"))))));
    }

    /** A button of a supplier's answer cell: record (or change) its answer, or its decline. */
    private static Button answerCellButton(PurchaseDocumentView page, int row, String text) {
        return _get(GridKt._getCellComponent(page.suppliers, row, "answer"), Button.class, spec -> spec.withText(text));
    }

    private PurchaseDocumentView open(String route) {
        UI.getCurrent().navigate(route);
        return _get(PurchaseDocumentView.class);
    }

    @Test
    void an_order_is_submitted_by_the_buyer_approved_by_someone_allowed_to_and_sent() {
        fixtures.threshold(new BigDecimal("100.00"));
        UUID id = bigDraftOrder();
        login(fixtures.buyer);

        PurchaseDocumentView page = open("purchasing/orders/" + id);
        assertThat(page.getPageTitle()).isEqualTo("Pedido de compra (borrador)");
        assertThat(page.state.getText()).isEqualTo("Borrador");
        assertThat(page.approval.getText()).isEqualTo("Necesitará aprobación");
        assertThat(GridKt._size(page.lines)).isEqualTo(2);
        assertThat(page.buttons).containsKeys("edit", "submit", "delete").doesNotContainKeys("approve", "send");

        assertThat(page.buttons.get("submit").getText()).isEqualTo("Tramitar");
        page.buttons.get("submit").click();
        expectNotifications("Tramitado: queda pendiente de aprobación.");
        assertThat(page.document().status()).isEqualTo(PurchaseStatus.TO_APPROVE);
        assertThat(page.state.getText()).isEqualTo("Pendiente de aprobación");
        assertThat(page.buttons)
                .as("the buyer's role has no purchasing.approve: no approve button")
                .doesNotContainKeys("approve", "send", "edit")
                .containsKey("cancel");
        long version = page.document().version();
        assertThatThrownBy(() -> orders.approve(id, version))
                .as("and the service refuses the buyer too")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(fixtures.approver, () -> orders.order(id)).status())
                .isEqualTo(PurchaseStatus.TO_APPROVE);

        switchUser(fixtures.approver);
        page = open("purchasing/orders/" + id);
        assertThat(page.buttons).containsKey("approve").doesNotContainKey("send");
        assertThat(page.buttons.get("approve").getText()).isEqualTo("Aprobar");
        page.buttons.get("approve").click();
        expectNotifications("Pedido aprobado.");
        assertThat(page.document().status()).isEqualTo(PurchaseStatus.APPROVED);
        assertThat(page.approval.getText()).startsWith("Aprobado por " + fixtures.approverName + " el ");

        page.buttons.get("send").click();
        PurchaseDocument sent = page.document();
        assertThat(sent.status()).isEqualTo(PurchaseStatus.SENT);
        assertThat(sent.number()).startsWith("PO");
        expectNotifications("Pedido " + sent.number() + " enviado.");
        assertThat(page.getPageTitle()).isEqualTo("Pedido de compra " + sent.number());
        assertThat(page.buttons).doesNotContainKeys("approve", "send", "submit").containsKey("cancel");
        assertThat(page.lines.getColumns().stream().filter(c -> c.isVisible()).count())
                .as("received and billed columns are shown once sent")
                .isGreaterThanOrEqualTo(8);
        assertThat(page.timeline.getElement().getTextRecursively()).contains(fixtures.approverName);
    }

    @Test
    void a_step_over_someone_elses_newer_version_is_refused_and_explained() {
        fixtures.threshold(null);
        UUID id = bigDraftOrder();
        login(fixtures.buyer);
        PurchaseDocumentView page = open("purchasing/orders/" + id);
        assertThat(page.conflict.isShown()).isFalse();

        // Someone else submits it meanwhile: the page still shows the draft.
        long version = page.document().version();
        fixtures.as(fixtures.approver, () -> orders.submit(id, version));

        page.buttons.get("submit").click();
        expectNotifications(
                "Otra persona ha cambiado este documento mientras lo tenías abierto. Vuelve a abrirlo para ver sus cambios.");
        assertThat(page.conflict.isShown()).isTrue();
        assertThat(page.document().status()).as("the page keeps what it showed").isEqualTo(PurchaseStatus.DRAFT);
    }

    @Test
    void an_rfq_is_sent_answered_compared_side_by_side_and_one_answer_chosen() {
        UUID other = fixtures.supplier("Otra Proveedora " + UUID.randomUUID());
        UUID rfq = fixtures.as(
                fixtures.approver,
                () -> rfqs.create(DraftRfq.of(
                        warehouse,
                        LocalDate.now().plusDays(5),
                        List.of(
                                OrderLine.article(bolts, new BigDecimal("100"), BigDecimal.ZERO),
                                OrderLine.article(nuts, new BigDecimal("50"), BigDecimal.ZERO)),
                        List.of(supplier, other))));
        login(fixtures.approver);
        PurchaseDocumentView page = open("purchasing/rfqs/" + rfq);
        assertThat(page.document().kind()).isEqualTo(PurchaseKind.RFQ);
        assertThat(GridKt._size(page.suppliers)).isEqualTo(2);
        assertThat(page.buttons).containsKeys("edit", "send", "cancel", "delete");

        page.buttons.get("send").click();
        assertThat(page.document().status()).isEqualTo(PurchaseStatus.SENT);
        assertThat(page.document().number()).startsWith("RFQ");

        // The first supplier's answer typed in the dialog: bolts at 1.20, nuts at 0.50.
        List<PurchaseLine> lines = page.document().lines();
        List<RfqSupplier> invited = GridKt._findAll(page.suppliers);
        int row = invited.indexOf(invited.stream()
                .filter(s -> s.supplierId().equals(supplier))
                .findFirst()
                .orElseThrow());
        answerCellButton(page, row, "Anotar respuesta").click();
        RfqAnswerDialog dialog = _get(RfqAnswerDialog.class);
        assertThat(dialog.getHeaderTitle()).startsWith("Respuesta de Proveedora Pantalla ");
        dialog.reference.setValue("OF-1");
        dialog.byLine().get(lines.get(0).id()).price.setValue(new BigDecimal("1.20"));
        dialog.byLine().get(lines.get(1).id()).price.setValue(new BigDecimal("0.50"));
        dialog.save.click();
        expectNotifications("Solicitud de oferta " + page.document().number() + " enviada.", "Respuesta anotada.");
        // The other's through the service: bolts cheaper (1.00), nuts dearer (0.60).
        fixtures.as(fixtures.approver, () -> {
            rfqs.recordAnswer(
                    rfq,
                    other,
                    "Q-77",
                    null,
                    List.of(
                            new AnswerLine(
                                    lines.get(0).id(), new BigDecimal("1.00"), null, new BigDecimal("100"), null),
                            new AnswerLine(
                                    lines.get(1).id(), new BigDecimal("0.60"), null, new BigDecimal("50"), null)));
            return null;
        });
        page = open("purchasing/rfqs/" + rfq);

        RfqComparisonGrid comparison = page.comparison;
        List<RfqComparison.Row> rows = GridKt._findAll(comparison.grid());
        assertThat(rows).hasSize(2);
        UUID first = supplier;
        assertThat(RfqComparisonGrid.isCheapest(rows.get(0), other)).isTrue();
        assertThat(RfqComparisonGrid.isCheapest(rows.get(0), first)).isFalse();
        assertThat(RfqComparisonGrid.isCheapest(rows.get(1), first)).isTrue();
        assertThat(comparison.chooseButtons).containsKeys(first, other);

        comparison.chooseButtons.get(other).click();
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(confirm);

        PurchaseDocumentView order = _get(PurchaseDocumentView.class);
        assertThat(order.document().kind()).isEqualTo(PurchaseKind.ORDER);
        assertThat(order.document().status()).isEqualTo(PurchaseStatus.DRAFT);
        assertThat(order.document().supplierId()).isEqualTo(other);
        assertThat(order.document().baseAmount()).isEqualByComparingTo("130.00");
        assertThat(order.related.list.getElement().getTextRecursively()).contains("Solicitud de oferta");
        assertThat(fixtures.as(fixtures.approver, () -> rfqs.rfq(rfq))
                        .document()
                        .status())
                .isEqualTo(PurchaseStatus.CLOSED);
    }

    @Test
    void a_supplier_declines_with_a_reason_an_expired_answer_cannot_be_chosen_and_the_page_says_all_replied() {
        UUID other = fixtures.supplier("Proveedora Caducada " + UUID.randomUUID());
        UUID rfq = fixtures.as(fixtures.approver, () -> {
            UUID id = rfqs.create(DraftRfq.of(
                    warehouse,
                    LocalDate.now().plusDays(5),
                    List.of(OrderLine.article(bolts, new BigDecimal("10"), BigDecimal.ZERO)),
                    List.of(supplier, other)));
            rfqs.send(id, 0);
            UUID line = rfqs.rfq(id).document().lines().getFirst().id();
            rfqs.recordAnswer(
                    id,
                    other,
                    "Q-OLD",
                    LocalDate.now().minusDays(1),
                    List.of(new AnswerLine(line, new BigDecimal("1.00"), null, new BigDecimal("10"), null)));
            return id;
        });
        login(fixtures.approver);
        PurchaseDocumentView page = open("purchasing/rfqs/" + rfq);
        RfqComparisonGrid comparison = page.comparison;
        assertThat(comparison.chooseButtons)
                .as("an expired answer cannot be chosen")
                .doesNotContainKey(other);
        assertThat(comparison.supplierNotes.get(other).getText()).startsWith("Caducada el ");
        assertThat(comparison.allReplied.isVisible()).isFalse();

        List<RfqSupplier> invited = GridKt._findAll(page.suppliers);
        int row = invited.indexOf(invited.stream()
                .filter(s -> s.supplierId().equals(supplier))
                .findFirst()
                .orElseThrow());
        answerCellButton(page, row, "No oferta").click();
        RfqDeclineDialog dialog = _get(RfqDeclineDialog.class);
        dialog.reason.setValue("Sin existencias");
        dialog.save.click();
        expectNotifications("Anotado: " + invited.get(row).supplierName() + " no oferta.");

        comparison = page.comparison;
        assertThat(comparison.supplierNotes.get(supplier).getText()).isEqualTo("No oferta: Sin existencias");
        assertThat(comparison.chooseButtons).isEmpty();
        assertThat(comparison.allReplied.isVisible()).isTrue();
        assertThat(comparison.allReplied.getText()).startsWith("Todos los proveedores han respondido");
        assertThat(fixtures.as(fixtures.approver, () -> rfqs.rfq(rfq)).suppliers())
                .filteredOn(s -> s.supplierId().equals(supplier))
                .singleElement()
                .satisfies(s -> assertThat(s.declineReason()).isEqualTo("Sin existencias"));
    }

    @Test
    void a_missing_or_foreign_id_is_not_found_and_a_user_without_purchasing_read_is_refused() {
        login(fixtures.buyer);
        UI.getCurrent().navigate("purchasing/orders/" + UUID.randomUUID());
        _get(com.nexo.shell.ui.NotFoundView.class);
        UUID rfqAsOrder = bigDraftOrder();
        UI.getCurrent().navigate("purchasing/rfqs/" + rfqAsOrder);
        _get(com.nexo.shell.ui.NotFoundView.class);

        login("ventas@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("purchasing/orders/" + rfqAsOrder))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }
}
