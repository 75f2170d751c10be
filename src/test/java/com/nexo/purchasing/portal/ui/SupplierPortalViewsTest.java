package com.nexo.purchasing.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.nexo.portal.ui.PortalHomeView;
import com.nexo.portal.ui.PortalLayout;
import com.nexo.purchasing.documents.PurchaseDocument;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.purchasing.documents.RfqComparison;
import com.nexo.purchasing.documents.RfqService;
import com.nexo.purchasing.portal.SupplierPortal.Order;
import com.nexo.purchasing.portal.SupplierPortalFixtures;
import com.nexo.purchasing.portal.SupplierResponseService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.AccessDeniedException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supplier portal's pages, inside the portal frame, as a supplier's portal user: its RFQs and
 * orders listed, an RFQ answered from its page (the buyer's comparison shows it), an order's proposal
 * sent from its page and seen, accepted, on the back office's order page; another supplier's order is
 * not found, and the portal and the back office refuse each other's users.
 */
class SupplierPortalViewsTest extends KaribuTest {

    @Autowired
    private RfqService rfqs;

    @Autowired
    private PurchaseOrderService orders;

    @Autowired
    private SupplierResponseService responses;

    private SupplierPortalFixtures fixtures;

    @BeforeEach
    void twoSuppliersWithPortalUsers() {
        fixtures = new SupplierPortalFixtures(context);
    }

    @Test
    void the_home_page_tells_a_supplier_what_waits_and_its_rfq_is_answered_from_its_page() {
        UUID rfqId = fixtures.sentRfq();
        login(fixtures.supplierUser);
        UI.getCurrent().navigate("portal");
        UI.getCurrent().getPage().reload();
        assertThat(_get(PortalLayout.class).getContent()).isInstanceOf(PortalHomeView.class);
        assertThat(_find(Anchor.class, spec -> spec.withClasses("portal-notice")))
                .extracting(Anchor::getHref)
                .contains("portal/rfqs");

        UI.getCurrent().navigate("portal/rfqs");
        SupplierRfqListView list = _get(SupplierRfqListView.class);
        assertThat(_get(PortalLayout.class).getContent()).isSameAs(list);
        assertThat(GridKt._fetch(list.grid, 0, 50))
                .anySatisfy(row -> assertThat(row.id()).isEqualTo(rfqId));

        UI.getCurrent().navigate("portal/rfqs/" + rfqId);
        SupplierRfqView page = _get(SupplierRfqView.class);
        assertThat(page.send.isVisible()).isTrue();
        page.fields.get(0).price().setValue(new BigDecimal("1.75"));
        page.fields.get(0).date().setValue(LocalDate.now().plusDays(9));
        page.reference.setValue("OF-PORTAL");
        page.send.click();

        // The buyer's comparison (the session's user is who the services see in a Vaadin test).
        login(fixtures.purchasing.buyer);
        RfqComparison comparison = fixtures.purchasing.asBuyer(() -> rfqs.compare(rfqId));
        assertThat(comparison.rows().get(0).offers().get(fixtures.supplier).unitPrice())
                .isEqualByComparingTo("1.75");
        assertThat(comparison.rows().get(0).offers().get(fixtures.supplier).quantity())
                .as("the quantity asked, as the page offered it")
                .isEqualByComparingTo("10");

        fixtures.purchasing.asBuyer(() -> rfqs.choose(rfqId, fixtures.supplier));
        login(fixtures.supplierUser);
        UI.getCurrent().navigate("portal/rfqs/" + rfqId);
        SupplierRfqView closed = _get(SupplierRfqView.class);
        assertThat(closed.send.isVisible()).isFalse();
        assertThat(closed.fields.get(0).price().isReadOnly()).isTrue();
    }

    @Test
    void a_supplier_proposes_other_dates_and_the_buyer_sees_and_accepts_the_proposal_on_the_order_page() {
        UUID orderId = fixtures.sentOrder();
        LocalDate later = LocalDate.now().plusDays(20);
        login(fixtures.supplierUser);
        UI.getCurrent().navigate("portal/purchase-orders");
        SupplierOrderListView list = _get(SupplierOrderListView.class);
        assertThat(GridKt._fetch(list.grid, 0, 50))
                .anySatisfy(row -> assertThat(row.id()).isEqualTo(orderId));

        UI.getCurrent().navigate("portal/purchase-orders/" + orderId);
        SupplierOrderView page = _get(SupplierOrderView.class);
        page.fields.get(0).date().setValue(later);
        page.comment.setValue("Entregamos los tornillos más tarde");
        page.propose.click();
        SupplierOrderView after = _get(SupplierOrderView.class);
        assertThat(after.response.getText()).isEqualTo(after.getTranslation("portal.supplier.response.proposed"));

        // The buyer, in the back office's frame (leaving the portal's, which it may not open).
        login(fixtures.purchasing.buyer);
        UI.getCurrent().navigate("purchasing/orders/" + orderId);
        Div section = _get(Div.class, spec -> spec.withClasses("supplier-response"));
        assertThat(_find(section, Paragraph.class, spec -> spec.withClasses("supplier-proposed-line")))
                .singleElement()
                .satisfies(line -> assertThat(line.getText()).contains(com.nexo.base.ui.Format.date(later)));
        _get(section, Button.class, spec -> spec.withText(section.getTranslation("portal.supplier.buyer.accept")))
                .click();

        PurchaseDocument order = fixtures.purchasing.asBuyer(() -> orders.order(orderId));
        assertThat(order.expectedDate()).isEqualTo(later);
        Order answered =
                fixtures.purchasing.asBuyer(() -> responses.order(orderId)).orElseThrow();
        assertThat(answered.response().status()).isEqualTo("ACCEPTED");
        assertThat(answered.lines().get(0).deliveryDate()).isEqualTo(later);
    }

    @Test
    void a_supplier_declines_an_rfq_from_its_page_the_buyer_sees_the_reason_and_the_decline_is_withdrawn()
            throws Exception {
        UUID rfqId = fixtures.sentRfq();
        login(fixtures.supplierUser);
        UI.getCurrent().navigate("portal/rfqs/" + rfqId);
        SupplierRfqView page = _get(SupplierRfqView.class);
        assertThat(page.declined.isVisible()).isFalse();
        assertThat(page.withdraw.isVisible()).isFalse();
        _click(page.decline);
        _get(TextArea.class, spec -> spec.withLabel("Motivo (opcional)")).setValue("Sin existencias");
        _click(_get(Button.class, spec -> spec.withText("Enviar el rechazo")));
        expectNotifications("Tu rechazo se ha enviado al comprador.");
        assertThat(page.declined.getText()).isEqualTo("Has rechazado ofertar esta solicitud: Sin existencias");
        assertThat(page.send.isVisible()).isFalse();
        assertThat(page.decline.isVisible()).isFalse();
        assertThat(page.withdraw.isVisible()).isTrue();
        assertThat(page.fields.get(0).price().isReadOnly()).isTrue();

        // The buyer's RFQ page says who declined and why.
        login(fixtures.purchasing.buyer);
        UI.getCurrent().navigate("purchasing/rfqs/" + rfqId);
        assertThat(_find(Span.class, spec -> spec.withClasses("supplier-note")))
                .extracting(Span::getText)
                .contains("No oferta: Sin existencias");

        login(fixtures.supplierUser);
        UI.getCurrent().navigate("portal/rfqs/" + rfqId);
        SupplierRfqView again = _get(SupplierRfqView.class);
        _click(again.withdraw);
        expectNotifications("Rechazo retirado: puedes volver a responder la solicitud.");
        assertThat(again.send.isVisible()).isTrue();
        assertThat(again.declined.isVisible()).isFalse();
        assertThat(again.fields.get(0).price().isReadOnly()).isFalse();
    }

    @Test
    void a_supplier_uploads_a_delivery_note_to_its_order_and_deletes_it_after_confirming() throws Exception {
        UUID orderId = fixtures.sentOrder();
        login(fixtures.supplierUser);
        UI.getCurrent().navigate("portal/purchase-orders/" + orderId);
        SupplierOrderView page = _get(SupplierOrderView.class);
        assertThat(page.upload.getMaxFiles()).isOne();
        page.uploaded(
                "albaran-9.pdf",
                "application/pdf",
                new ByteArrayInputStream("%PDF-1.4 albarán".getBytes(StandardCharsets.UTF_8)));
        expectNotifications("Archivo «albaran-9.pdf» subido.");
        assertThat(_find(page.files, Anchor.class)).extracting(Anchor::getText).containsExactly("albaran-9.pdf");

        _click(_get(page.files, Button.class, spec -> spec.withClasses("portal-file-delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm))
                .isEqualTo("El archivo se quita del pedido y el comprador deja de verlo.");
        ConfirmDialogKt._fireConfirm(confirm);
        expectNotifications("Archivo «albaran-9.pdf» borrado.");
        assertThat(_find(page.files, Anchor.class)).isEmpty();
        login(fixtures.purchasing.buyer);
        assertThat(fixtures.purchasing
                        .asBuyer(() -> responses.order(orderId))
                        .orElseThrow()
                        .files())
                .isEmpty();
    }

    @Test
    void another_suppliers_order_is_not_found_and_each_side_is_refused_the_others_pages() {
        UUID orderId = fixtures.sentOrder();
        login(fixtures.otherSupplierUser);
        UI.getCurrent().navigate("portal/purchase-orders/" + orderId);
        _get(com.nexo.shell.ui.NotFoundView.class);
        assertThat(_find(SupplierOrderView.class)).isEmpty();

        assertThatThrownBy(() -> UI.getCurrent().navigate("purchasing/orders/" + orderId))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        login(fixtures.purchasing.buyer);
        assertThatThrownBy(() -> UI.getCurrent().navigate("portal/purchase-orders/" + orderId))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        login("cliente@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("portal/rfqs"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
