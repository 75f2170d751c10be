package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.purchasing.replenish.ReplenishFixture;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replenishment screen's "create purchase orders" button, which the purchasing module provides. */
class ReplenishmentOrdersViewTest extends KaribuTest {

    private ReplenishFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ReplenishFixture(context);
    }

    private static List<ReplenishmentRow> rows(ReplenishmentView view) {
        return GridKt._fetch(view.grid, 0, 500);
    }

    private static void choose(ReplenishmentView view, UUID warehouse) {
        WarehouseRow row = view.warehouse
                .getListDataView()
                .getItems()
                .filter(w -> w.id().equals(warehouse))
                .findFirst()
                .orElseThrow();
        view.warehouse.setValue(row);
    }

    @Test
    void whoever_may_create_purchase_orders_turns_the_warehouse_list_into_drafts_and_sees_the_summary() {
        UUID warehouse = fixture.warehouse();
        UUID acme = fixture.supplier("Acme Pantalla");
        UUID screws = fixture.article(acme, "0.40", "21");
        UUID orphan = fixture.article(null, "1", "21");
        fixture.levels(screws, warehouse, "5", "20");
        fixture.levels(orphan, warehouse, "1", "2");
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView view = _get(ReplenishmentView.class);
        choose(view, warehouse);
        assertThat(rows(view)).hasSize(2);
        assertThat(view.createOrders.isAttached()).isTrue();
        assertThat(view.createOrders.getText()).isEqualTo("Crear pedidos de compra");
        assertThat(view.ordersResult.isVisible()).isFalse();

        _click(view.createOrders);

        assertThat(view.ordersResult.isVisible()).isTrue();
        assertThat(view.ordersResult.getElement().getTextRecursively())
                .contains("1 pedidos de compra en borrador con 1 líneas; 1 filas sin proveedor habitual.");
        assertThat(_get(view.ordersResult, Anchor.class).getHref()).isEqualTo("purchasing/orders");
        assertThat(rows(view)).extracting(ReplenishmentRow::articleId).containsExactly(orphan);
        assertThat(fixture.incoming(screws, warehouse)).isEqualByComparingTo("20");
        assertThat(fixture.orderLines(acme)).hasSize(1);

        // The article page's stock section shows what is on order in that warehouse.
        UI.getCurrent().navigate("articles/" + screws);
        ArticleDetailView page = _get(ArticleDetailView.class);
        assertThat(GridKt._fetch(page.balances, 0, 10)).singleElement().satisfies(row -> {
            assertThat(row.warehouseId()).isEqualTo(warehouse);
            assertThat(row.onHand()).isEqualByComparingTo("0");
            assertThat(row.incoming()).isEqualByComparingTo("20");
        });
        assertThat(page.balances.getColumnByKey("incoming").getHeaderText()).isEqualTo("Pedido (en camino)");
    }

    @Test
    void a_user_without_purchasing_create_has_no_button() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView view = _get(ReplenishmentView.class);

        assertThat(view.createOrders.isAttached()).isFalse();
        assertThat(rows(view)).isNotEmpty();
    }
}
