package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.base.ui.documents.DocumentReasonDialog;
import com.nexo.demo.DemoTenant;
import com.nexo.sales.documents.DocumentAction;
import com.nexo.sales.documents.DocumentForm;
import com.nexo.sales.documents.DocumentKind;
import com.nexo.sales.documents.DocumentLineRow;
import com.nexo.sales.documents.DocumentPage;
import com.nexo.sales.documents.DocumentStatus;
import com.nexo.sales.documents.SalesDocument;
import com.nexo.sales.documents.SalesDocumentService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.NotFoundView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document's page: the flow from a quote to an issued invoice through its buttons and dialogs, the
 * state and related documents after each step, refusals shown with nothing changed, and who may do
 * what.
 */
class DocumentViewTest extends KaribuTest {

    @Autowired
    private ArticleService articles;

    @Autowired
    private UnitService units;

    @Autowired
    private StockService stock;

    @Autowired
    private ArticleDirectory directory;

    @Autowired
    private SalesDocumentService documents;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    private String valveCode;
    private UUID valve;
    private UUID quote;

    /** A draft quote for 5 valves (3 in stock) and 2 taps (10 in stock), written by the sales user. */
    @BeforeEach
    void aQuote() {
        login("admin@demo.nexo");
        UUID warehouse = directory.activeWarehouses().getFirst().id();
        valveCode = DocumentViewFixtures.code("DV-");
        valve = DocumentViewFixtures.article(articles, units, stock, valveCode, "14.50", "3", warehouse);
        UUID tap = DocumentViewFixtures.article(
                articles, units, stock, DocumentViewFixtures.code("DT-"), "10.00", "10", warehouse);
        switchUser(DocumentViewFixtures.SALES);
        DocumentForm form = documents.newForm(DocumentKind.QUOTE, DemoTenant.CLIENT_PARTY);
        form.getLines().add(documents.lineFor(valve, new BigDecimal("5"), Locale.of("es")));
        form.getLines().add(documents.lineFor(tap, new BigDecimal("2"), Locale.of("es")));
        quote = documents.save(form);
    }

    private DocumentView open(UUID id) {
        UI.getCurrent().navigate("sales/document/" + id);
        return _get(DocumentView.class);
    }

    private static DocumentLineRow line(SalesDocument document, UUID articleId) {
        return document.lines().stream()
                .filter(line -> articleId.equals(line.articleId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_quote_becomes_an_order_is_confirmed_delivered_in_part_invoiced_and_issued_from_its_buttons() {
        DocumentView view = open(quote);
        assertThat(view.getElement().getTextRecursively()).contains("Presupuesto (borrador)", "Hostelería Sol, S.L.");
        assertThat(view.buttons).containsKeys(DocumentAction.SEND, DocumentAction.TO_ORDER, DocumentAction.EDIT);
        assertThat(view.buttons).doesNotContainKeys(DocumentAction.ISSUE, DocumentAction.DELIVER);

        // Make order: both lines, whole.
        _click(view.buttons.get(DocumentAction.TO_ORDER));
        DocumentQuantitiesDialog toOrder = _get(DocumentQuantitiesDialog.class);
        _click(toOrder.confirm);
        view = _get(DocumentView.class);
        DocumentPage order = view.page();
        assertThat(order.document().kind()).isEqualTo(DocumentKind.ORDER);
        assertThat(order.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(order.related()).extracting(DocumentPage.Related::id).containsExactly(quote);
        assertThat(order.related().getFirst().status()).isEqualTo(DocumentStatus.ACCEPTED);

        // Confirm: the valves are 2 short, so one line is back-ordered.
        _click(view.buttons.get(DocumentAction.CONFIRM));
        expectNotifications(
                "Pedido creado. Confírmalo para reservar el stock.",
                "Pedido confirmado; 1 línea espera stock (pendientes de servir).");
        order = view.page();
        assertThat(order.document().status()).isEqualTo(DocumentStatus.CONFIRMED);
        assertThat(order.document().number()).startsWith("PV");
        assertThat(order.backOrdered().get(line(order.document(), valve).id())).isEqualByComparingTo("2");

        // Deliver in part: 3 valves (what is reserved) and both taps.
        _click(view.buttons.get(DocumentAction.DELIVER));
        DocumentQuantitiesDialog deliver = _get(DocumentQuantitiesDialog.class);
        deliver.quantityOf(line(order.document(), valve).id()).setValue(new BigDecimal("3"));
        _click(deliver.confirm);
        order = view.page();
        assertThat(order.document().status()).isEqualTo(DocumentStatus.PARTIALLY_DELIVERED);
        assertThat(line(order.document(), valve).deliveredQuantity()).isEqualByComparingTo("3");
        assertThat(order.related())
                .extracting(DocumentPage.Related::kind)
                .containsExactly(DocumentKind.QUOTE, DocumentKind.DELIVERY);

        // Invoice what was delivered: a draft invoice opens.
        _click(view.buttons.get(DocumentAction.INVOICE));
        view = _get(DocumentView.class);
        DocumentPage invoice = view.page();
        assertThat(invoice.document().kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(invoice.document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(invoice.document().lines()).hasSize(2);
        assertThat(line(invoice.document(), valve).quantity()).isEqualByComparingTo("3");

        // Issue it: numbered, frozen; payment and correction are offered now.
        _click(view.buttons.get(DocumentAction.ISSUE));
        invoice = view.page();
        assertThat(invoice.document().status()).isEqualTo(DocumentStatus.ISSUED);
        assertThat(invoice.document().number()).startsWith("F");
        expectNotifications(
                "Albarán creado; el stock ha salido del almacén.",
                "Borrador de factura creado. Revísalo y emítelo.",
                "Factura " + invoice.document().number() + " emitida.");
        assertThat(view.buttons).containsKeys(DocumentAction.REGISTER_PAYMENT, DocumentAction.CORRECT);
        // The frame's title follows the page, which got its number without a navigation.
        assertThat(_get(H1.class, spec -> spec.withClasses("page-title")).getText())
                .isEqualTo("Factura " + invoice.document().number());
        assertThat(view.buttons).doesNotContainKeys(DocumentAction.ISSUE, DocumentAction.EDIT);
        assertThat(invoice.related())
                .extracting(DocumentPage.Related::kind)
                .contains(DocumentKind.QUOTE, DocumentKind.ORDER, DocumentKind.DELIVERY);

        // Record a payment of part of it.
        _click(view.buttons.get(DocumentAction.REGISTER_PAYMENT));
        DocumentPaymentDialog payment = _get(DocumentPaymentDialog.class);
        payment.amount.setValue(new BigDecimal("10.00"));
        _click(payment.confirm);
        assertThat(view.page().paid()).isEqualByComparingTo("10.00");
        assertThat(view.page().open())
                .isEqualByComparingTo(invoice.document().totalAmount().subtract(BigDecimal.TEN));
    }

    @Test
    void a_refused_delivery_shows_the_translated_reason_and_changes_nothing() {
        DocumentView view = open(quote);
        _click(view.buttons.get(DocumentAction.TO_ORDER));
        _click(_get(DocumentQuantitiesDialog.class).confirm);
        view = _get(DocumentView.class);
        _click(view.buttons.get(DocumentAction.CONFIRM));
        DocumentPage order = view.page();

        // All 5 valves: only 3 are in the warehouse.
        _click(view.buttons.get(DocumentAction.DELIVER));
        DocumentQuantitiesDialog deliver = _get(DocumentQuantitiesDialog.class);
        _click(deliver.confirm);

        expectNotifications(
                "Pedido creado. Confírmalo para reservar el stock.",
                "Pedido confirmado; 1 línea espera stock (pendientes de servir).",
                "No hay stock suficiente de " + valveCode + ": quedan 0 disponibles. No se ha entregado nada.");
        assertThat(deliver.isOpened()).isTrue();
        SalesDocument after = documents.document(order.document().id());
        assertThat(after.status()).isEqualTo(DocumentStatus.CONFIRMED);
        assertThat(after.lines()).allMatch(line -> line.deliveredQuantity().signum() == 0);
    }

    @Test
    void cancelling_needs_a_reason_and_shows_it_on_the_page() {
        DocumentView view = open(quote);
        _click(view.buttons.get(DocumentAction.CANCEL));
        DocumentReasonDialog dialog = _get(DocumentReasonDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(documents.document(quote).status()).isEqualTo(DocumentStatus.DRAFT);

        dialog.reason.setValue("El cliente ya no lo necesita");
        _click(dialog.confirm);

        assertThat(view.page().document().status()).isEqualTo(DocumentStatus.CANCELLED);
        assertThat(view.getElement().getTextRecursively()).contains("Anulado: El cliente ya no lo necesita");
        assertThat(view.buttons).containsOnlyKeys(DocumentAction.DUPLICATE);
    }

    @Test
    void a_user_who_may_only_read_sales_sees_the_document_but_no_step() {
        UUID invoice = context.getBean(com.nexo.sales.documents.InvoicingService.class)
                .invoice(java.util.List.of(confirmedOrder()));
        switchUser(DocumentViewFixtures.READ_ONLY);

        DocumentView view = open(invoice);

        assertThat(view.page().document().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(view.buttons).isEmpty();
        assertThat(view.getElement().getTextRecursively()).contains("Factura (borrador)");
    }

    /** The quote made an order and confirmed (as the sales user); the taps may be invoiced. */
    private UUID confirmedOrder() {
        var flow = context.getBean(com.nexo.sales.documents.SalesFlowService.class);
        UUID order = flow.toOrder(quote, null);
        flow.confirm(order);
        flow.deliver(
                order, java.util.Map.of(line(documents.document(order), valve).id(), new BigDecimal("1")));
        return order;
    }

    @Test
    void an_unknown_or_malformed_id_shows_the_not_found_page() {
        UI.getCurrent().navigate("sales/document/" + UUID.randomUUID());
        _get(NotFoundView.class);
        UI.getCurrent().navigate("sales/document/not-an-id");
        _get(NotFoundView.class);
    }

    @Test
    void a_user_without_sales_read_is_refused_the_page_and_the_editor() {
        String role = "sdv-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
        login("admin@demo.nexo");
        roles.createRole(new RoleDraft(role, "Prueba " + role, null, Set.of("users.read")));
        String email = role + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + role, ActorType.EMPLOYEE, null, Set.of(role), "Prueba-2026!", null));
        switchUser(email);

        assertThatThrownBy(() -> UI.getCurrent().navigate("sales/document/" + quote))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("sales/document/new/order"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
