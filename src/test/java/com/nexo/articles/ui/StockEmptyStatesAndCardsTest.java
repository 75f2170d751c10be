package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stock lists in a tenant that has nothing yet (Northwind has no warehouses) say what to do next
 * instead of failing, and the stock cards of the dashboard show to whoever may read stock only.
 */
class StockEmptyStatesAndCardsTest extends KaribuTest {

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    @Test
    void the_stock_of_a_warehouse_with_none_chosen_reads_an_empty_page_without_failing() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(WarehouseStockView.class);
        WarehouseStockView view = _get(WarehouseStockView.class);

        view.warehouse.clear();

        // A data provider that skipped getLimit() failed here with IllegalStateException.
        List<BalanceRow> rows = GridKt._fetch(view.grid, 0, 50);
        assertThat(rows).isEmpty();
    }

    @Test
    void a_tenant_without_warehouses_is_told_to_create_one_on_every_stock_list() {
        login("admin@northwind.nexo");
        boolean none = warehouses.warehouses().isEmpty();

        UI.getCurrent().navigate(WarehouseStockView.class);
        WarehouseStockView stock = _get(WarehouseStockView.class);
        List<BalanceRow> rows = GridKt._fetch(stock.grid, 0, 50);
        UI.getCurrent().navigate(StockView.class);
        StockView byArticle = _get(StockView.class);
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView replenishment = _get(ReplenishmentView.class);
        GridKt._fetch(replenishment.grid, 0, 50);

        // Other tests may give Northwind a warehouse; when it has none, every list says what to do.
        if (none) {
            assertThat(rows).isEmpty();
            assertThat(stock.noWarehouses.isVisible()).isTrue();
            assertThat(stock.grid.getEmptyStateText())
                    .isEqualTo(stock.getTranslation("stock.warehouse-stock.no-warehouses"))
                    .contains("Almacenes");
            assertThat(byArticle.balances.getEmptyStateText())
                    .isEqualTo(byArticle.getTranslation("stock.no-warehouses"));
            assertThat(replenishment.grid.getEmptyStateText())
                    .isEqualTo(replenishment.getTranslation("replenishment.no-warehouses"));
        }
    }

    @Test
    void whoever_may_read_stock_sees_the_below_minimum_and_latest_movements_cards() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);

        Section below = card("Bajo mínimo");
        // The demo sets levels its stock is below: a figure, rows and the way to the list.
        assertThat(below.getElement().getTextRecursively())
                .contains("por debajo de su mínimo")
                .contains("Abrir reposición");
        Section latest = card("Últimos movimientos");
        assertThat(latest.getElement().getTextRecursively()).contains("Abrir existencias");
    }

    @Test
    void whoever_may_not_read_stock_sees_no_stock_card() {
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
        login("admin@demo.nexo");
        String code = "nostock-" + tag;
        roles.createRole(new RoleDraft(code, "Sin existencias " + tag, null, Set.of("accounts.read")));
        String email = code + "@demo.nexo";
        users.createUser(new NewUser(
                email, "Sin existencias " + tag, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        switchUser(email);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(_find(Section.class, spec -> spec.withClasses("dashboard-card")))
                .extracting(section -> section.getElement().getTextRecursively())
                .noneMatch(text -> text.startsWith("Bajo mínimo") || text.startsWith("Últimos movimientos"));
    }

    private static Section card(String title) {
        return _get(
                Section.class,
                spec -> spec.withClasses("dashboard-card")
                        .withPredicate(
                                card -> card.getElement().getTextRecursively().startsWith(title)));
    }
}
