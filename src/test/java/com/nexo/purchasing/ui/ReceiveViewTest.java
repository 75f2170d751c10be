package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.nexo.purchasing.PurchaseOrderFixture.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.articles.stock.StockService;
import com.nexo.purchasing.PurchaseOrderFixture;
import com.nexo.purchasing.PurchaseOrderFixture.Order;
import com.nexo.purchasing.receiving.ReceiptService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.shell.ui.NotFoundView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tablet receiving screen: a warehouse employee scans the articles of a sent order, types what
 * came, posts, and the stock and the order follow; more than is open is refused on screen; someone
 * without purchasing.receive cannot open it; another tenant's order is not found.
 */
class ReceiveViewTest extends KaribuTest {

    private static final String ADMIN = PurchaseOrderFixture.ADMIN;

    @Autowired
    private UserService users;

    @Autowired
    private StockService stock;

    @Autowired
    private ReceiptService receipts;

    private PurchaseOrderFixture fixture;
    private UUID warehouse;
    private UUID bolts;
    private UUID nuts;
    private Order order;
    /** The nuts' article code (read before anyone logs in: the fixture's calls end with no one logged in). */
    private String nutCode;

    @BeforeEach
    void aSentOrder() {
        fixture = new PurchaseOrderFixture(context);
        warehouse = fixture.warehouse();
        bolts = fixture.goods();
        nuts = fixture.goods();
        order = fixture.sent(
                fixture.supplier("Proveedor del muelle " + UUID.randomUUID()),
                line(bolts, "10", "2.00"),
                line(nuts, "5", "1.00"));
        nutCode = fixture.as(ADMIN, () -> receipts.openLines(order.id())).get(1).articleCode();
    }

    @Test
    void a_warehouse_employee_scans_types_and_posts_a_receipt() {
        String email = "almacen-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.nexo";
        fixture.as(
                ADMIN,
                () -> users.createUser(new NewUser(
                        email,
                        "Alberto Almacén",
                        ActorType.EMPLOYEE,
                        null,
                        Set.of("warehouse"),
                        "Prueba-2026!",
                        null)));
        login(email);
        UI.getCurrent().navigate(ReceiveView.route(order.id()));

        ReceiveView view = _get(ReceiveView.class);
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Recibir pedido " + order.number());
        assertThat(view.quantities).containsOnlyKeys(order.line(1), order.line(2));
        view.warehouse.setValue(mine(view));

        view.scan.setValue(nutCode.toLowerCase());
        view.findScanned();
        view.scan.setValue(nutCode);
        view.findScanned();
        assertThat(view.quantities.get(order.line(2)).getValue()).isEqualByComparingTo("2");
        assertThat(view.scan.getValue()).isEmpty();
        view.scan.setValue("NO-EXISTE");
        view.findScanned();
        expectNotifications("NO-EXISTE no está en este pedido.");
        view.quantities.get(order.line(1)).setValue(new BigDecimal("6"));
        view.deliveryNote.setValue("ALB-99");

        _click(view.post);

        assertThat(onHand(bolts)).isEqualByComparingTo("6");
        assertThat(onHand(nuts)).isEqualByComparingTo("2");
        assertThat(fixture.as(ADMIN, () -> receipts.order(order.id())).status().name())
                .isEqualTo("PARTIALLY_RECEIVED");
        assertThat(view.quantities.get(order.line(1)).getValue())
                .as("fresh fields")
                .isNull();
        assertThat(view.lines.getChildren()).hasSize(2);
    }

    @Test
    void more_than_is_open_is_refused_on_screen_and_nothing_is_received() {
        login(ADMIN);
        UI.getCurrent().navigate(ReceiveView.route(order.id()));
        ReceiveView view = _get(ReceiveView.class);
        view.warehouse.setValue(mine(view));
        view.quantities.get(order.line(2)).setValue(new BigDecimal("6"));

        _click(view.post);

        expectNotifications("Línea 2 (" + nutCode + " · Artículo " + nutCode
                + "): 6 es más de lo pendiente del pedido (5). No se ha recibido nada.");
        assertThat(onHand(nuts)).isEqualByComparingTo("0");
    }

    @Test
    void without_purchasing_receive_the_screen_is_refused_and_another_tenants_order_is_not_found() {
        login("consulta@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("purchasing/orders/" + order.id() + "/receive"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);

        switchUser("admin@northwind.nexo");
        UI.getCurrent().navigate(ReceiveView.route(order.id()));
        _get(NotFoundView.class);
        UI.getCurrent().navigate("purchasing/orders/not-an-id/receive");
        _get(NotFoundView.class);
    }

    private WarehouseSummary mine(ReceiveView view) {
        return view.warehouse
                .getListDataView()
                .getItems()
                .filter(w -> w.id().equals(warehouse))
                .findFirst()
                .orElseThrow();
    }

    private BigDecimal onHand(UUID article) {
        return fixture.as(ADMIN, () -> stock.position(article, warehouse).onHand());
    }
}
