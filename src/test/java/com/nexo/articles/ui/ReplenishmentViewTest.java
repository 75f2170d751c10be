package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseForm;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The replenishment list and its levels dialog in a simulated browser. */
class ReplenishmentViewTest extends KaribuTest {

    @Autowired
    private ArticleService articles;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    private static String word() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36)
                .toUpperCase();
    }

    private static List<ReplenishmentRow> rows(ReplenishmentView view) {
        return GridKt._fetch(view.grid, 0, 500);
    }

    private static WarehouseRow warehouse(ReplenishmentView view, String code) {
        return view.warehouse
                .getListDataView()
                .getItems()
                .filter(w -> w.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_list_shows_the_demo_articles_below_their_minimum_with_what_to_order_and_filters_by_warehouse() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView view = _get(ReplenishmentView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Reposición");
        List<ReplenishmentRow> all = rows(view);
        assertThat(all).isNotEmpty().allSatisfy(row -> {
            assertThat(row.available()).isLessThan(row.minimum());
            assertThat(row.toOrder()).isGreaterThanOrEqualTo(row.maximum().subtract(row.available()));
        });
        assertThat(view.count.getText()).isEqualTo(all.size() + " por debajo de su mínimo");
        // The demo sets levels in the central warehouse.
        assertThat(all).extracting(ReplenishmentRow::warehouseCode).contains("CEN");

        view.warehouse.setValue(warehouse(view, "CEN"));
        assertThat(rows(view))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.warehouseCode()).isEqualTo("CEN"));

        view.warehouse.setValue(warehouse(view, "FUR"));
        assertThat(rows(view)).allSatisfy(row -> assertThat(row.warehouseCode()).isEqualTo("FUR"));
        view.warehouse.clear();
        assertThat(rows(view)).hasSameSizeAs(all);
    }

    @Test
    void a_warehouse_with_nothing_below_its_minimum_shows_the_empty_state() {
        login("admin@demo.nexo");
        String code = "R" + word().substring(0, 6);
        warehouses.createWarehouse(new WarehouseForm(code, "Vacío " + code, null, false, true));
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView view = _get(ReplenishmentView.class);

        view.warehouse.setValue(warehouse(view, code));

        assertThat(rows(view)).isEmpty();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("Nada está por debajo de su mínimo.");
        assertThat(view.count.getText()).isEqualTo("0 por debajo de su mínimo");
    }

    @Test
    void levels_set_in_the_dialog_are_checked_translated_then_saved_and_the_article_is_listed() {
        login("admin@demo.nexo");
        String code = "KR-" + word();
        UUID unit = units.listUnits().stream()
                .filter(u -> u.getCode().equals("ud"))
                .findFirst()
                .orElseThrow()
                .getId();
        articles.createArticle(new ArticleForm(
                code,
                com.nexo.articles.catalogue.ArticleKind.GOODS,
                "Tuerca " + code,
                "Nut " + code,
                null,
                null,
                null,
                unit,
                null,
                new BigDecimal("1"),
                new BigDecimal("0.5"),
                new BigDecimal("21"),
                null,
                true));
        ArticleRow created =
                articles.listArticles(ArticleQuery.matching(code), 0, 1).getFirst();
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView view = _get(ReplenishmentView.class);
        view.warehouse.setValue(warehouse(view, "CEN"));

        _click(view.setLevels);
        ReplenishmentLevelsDialog dialog = _get(ReplenishmentLevelsDialog.class);
        dialog.article.setValue(created);
        dialog.warehouse.setValue(warehouse(view, "CEN"));
        dialog.minimum.setValue(new BigDecimal("5"));
        dialog.maximum.setValue(new BigDecimal("3"));
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.maximum.isInvalid()).isTrue();
        assertThat(dialog.maximum.getErrorMessage()).isEqualTo("El máximo debe ser al menos el mínimo.");
        assertThat(rows(view)).extracting(ReplenishmentRow::articleCode).doesNotContain(code);

        dialog.maximum.setValue(new BigDecimal("12"));
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Guardados el mínimo y el máximo de " + code + " en CEN.");
        assertThat(rows(view))
                .filteredOn(row -> row.articleCode().equals(code))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.minimum()).isEqualByComparingTo("5");
                    assertThat(row.toOrder()).isEqualByComparingTo("12");
                });

        // The row opens the dialog with its levels; removing them takes the article off the list.
        int index =
                rows(view).stream().map(ReplenishmentRow::articleCode).toList().indexOf(code);
        GridKt._clickItem(view.grid, index);
        ReplenishmentLevelsDialog again = _get(ReplenishmentLevelsDialog.class);
        assertThat(again.minimum.getValue()).isEqualByComparingTo("5");
        assertThat(again.maximum.getValue()).isEqualByComparingTo("12");
        _click(again.remove);
        expectNotifications("Quitados el mínimo y el máximo de " + code + " en CEN.");
        assertThat(rows(view)).extracting(ReplenishmentRow::articleCode).doesNotContain(code);
    }

    @Test
    void the_read_only_role_sees_the_list_but_cannot_change_levels() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(ReplenishmentView.class);
        ReplenishmentView view = _get(ReplenishmentView.class);

        assertThat(rows(view)).isNotEmpty();
        assertThat(view.setLevels.isAttached()).isFalse();
        GridKt._clickItem(view.grid, 0);
        _assertNone(ReplenishmentLevelsDialog.class);
    }

    @Test
    void a_user_without_stock_read_is_refused_the_screen_and_has_no_menu_entry() {
        login("admin@demo.nexo");
        String code = "rep-" + word().toLowerCase();
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of("articles.read")));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        switchUser(email);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .flatExtracting(item -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(item), item.getItems().stream())
                        .map(SideNavItem::getPath)
                        .toList())
                .doesNotContain("stock/replenishment");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ReplenishmentView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
