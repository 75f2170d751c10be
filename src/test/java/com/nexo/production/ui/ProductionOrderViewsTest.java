package com.nexo.production.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleDirectory;
import com.nexo.production.orders.OrderForm;
import com.nexo.production.orders.OrderStatus;
import com.nexo.production.orders.ProductionOrderFixtures;
import com.nexo.production.orders.ProductionOrderFixtures.Line;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The production order screens in Karibu: the list creates an order and opens it; the order's page
 * releases, produces, completes and closes it; a stale page is told someone else changed the order;
 * a reader sees no steps and someone without production cannot open the list.
 */
class ProductionOrderViewsTest extends KaribuTest {

    @Autowired
    ProductionOrderService orders;

    @Autowired
    ArticleDirectory directory;

    ProductionOrderFixtures fx;
    UUID warehouse;
    UUID input;
    UUID top;

    @BeforeEach
    void anArticleWithABillAndStock() {
        fx = new ProductionOrderFixtures(context);
        warehouse = fx.warehouse();
        input = fx.goods();
        top = fx.goods();
        fx.bom(top, Line.material(input, "2"));
        fx.stock(input, warehouse, "100");
    }

    private Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private UUID draft() {
        return fx.asPlanner(() -> orders.create(
                new OrderForm(top, new BigDecimal("5"), LocalDate.now().plusDays(3), warehouse, null, null)));
    }

    @Test
    void theListCreatesAnOrderFromTheDialogAndOpensIt() {
        login(fx.planner);
        UI.getCurrent().navigate("production/orders");
        _get(ProductionOrderListView.class);
        _click(button("order-new"));
        ProductionOrderDialog dialog = _get(ProductionOrderDialog.class);
        dialog.article.setValue(directory.summaries(List.of(top)).get(top));
        dialog.quantity.setValue(new BigDecimal("5"));
        dialog.warehouse.setValue(dialog.warehouse
                .getListDataView()
                .getItems()
                .filter(w -> w.id().equals(warehouse))
                .findFirst()
                .orElseThrow());
        _click(dialog.create);

        ProductionOrderView page = _get(ProductionOrderView.class);
        assertThat(page.details().header().status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(page.details().header().articleId()).isEqualTo(top);
        assertThat(page.status.getText()).isEqualTo("Borrador");
    }

    @Test
    void anOrderWithoutQuantityIsRefusedOnTheQuantityField() {
        login(fx.planner);
        UI.getCurrent().navigate("production/orders");
        _click(button("order-new"));
        ProductionOrderDialog dialog = _get(ProductionOrderDialog.class);
        dialog.article.setValue(directory.summaries(List.of(top)).get(top));
        _click(dialog.create);

        assertThat(dialog.quantity.isInvalid()).isTrue();
        assertThat(dialog.quantity.getErrorMessage()).isEqualTo("La cantidad debe ser mayor que cero.");
    }

    @Test
    void theOrderPageReleasesProducesCompletesAndClosesTheOrder() {
        UUID order = draft();
        login(fx.planner);
        UI.getCurrent().navigate(ProductionOrderView.class, ProductionOrderView.parameters(order));
        ProductionOrderView page = _get(ProductionOrderView.class);
        assertThat(_find(Button.class, spec -> spec.withId("order-produce"))).isEmpty();

        _click(button("order-release"));
        assertThat(page.details().header().status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(page.details().materials().getFirst().reserved()).isEqualByComparingTo("10");

        _click(button("order-produce"));
        ProductionOrderProduceDialog produce = _get(ProductionOrderProduceDialog.class);
        produce.quantity.setValue(new BigDecimal("5"));
        _click(produce.confirm);
        assertThat(page.details().header().producedQuantity()).isEqualByComparingTo("5");
        assertThat(page.details().materials().getFirst().consumed()).isEqualByComparingTo("10");

        _click(button("order-complete"));
        assertThat(page.details().header().status()).isEqualTo(OrderStatus.COMPLETED);
        _click(button("order-close"));
        assertThat(page.details().header().status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(page.details().costs().actualMaterial()).isEqualByComparingTo("72.50");
        assertThat(_find(Button.class, spec -> spec.withId("order-cancel"))).isEmpty();
        assertThat(page.tasksSlot.getId()).contains("order-tasks-slot");
    }

    @Test
    void aPageLeftOpenWhileSomeoneElseReleasedTheOrderIsToldSoAndShowsTheOrderAsItIs() {
        UUID order = draft();
        login(fx.planner);
        UI.getCurrent().navigate(ProductionOrderView.class, ProductionOrderView.parameters(order));
        ProductionOrderView page = _get(ProductionOrderView.class);
        long version = page.details().header().version();
        orders.release(order, version);

        _click(button("order-release"));

        expectNotifications("Otra persona ha cambiado la orden mientras tanto; se muestra de nuevo tal como está.");
        assertThat(page.details().header().status()).isEqualTo(OrderStatus.RELEASED);
    }

    @Test
    void aReaderSeesTheOrderWithoutStepsAndSomeoneWithoutProductionCannotOpenTheList() {
        UUID order = draft();
        login(fx.viewer);
        UI.getCurrent().navigate(ProductionOrderView.class, ProductionOrderView.parameters(order));
        _get(ProductionOrderView.class);
        assertThat(_find(Button.class, spec -> spec.withId("order-release"))).isEmpty();
        UI.getCurrent().navigate("production/shortages");
        _get(ShortageListView.class);

        login("ventas@demo.nexo");
        assertThatThrownBy(() -> UI.getCurrent().navigate("production/orders"))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
