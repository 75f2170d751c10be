package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.stock.BalanceRow;
import com.nexo.articles.stock.MovementRow;
import com.nexo.articles.stock.MovementType;
import com.nexo.base.ui.QuickSearchField;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The article list and form, and the stock screen, in a simulated browser. */
class ArticleViewsTest extends KaribuTest {

    @Autowired
    private ArticleService articles;

    @Autowired
    private com.nexo.articles.catalogue.ArticleListService lists;

    @Autowired
    private UserService users;

    @Autowired
    private RoleService roles;

    private static String word() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36)
                .toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static List<ArticleRow> rows() {
        return GridKt._fetch(_get(Grid.class), 0, 100);
    }

    @Test
    void the_list_shows_the_demo_catalogue_and_finds_an_article_without_its_accent() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ArticleListView.class);

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Artículos");
        _get(QuickSearchField.class).setValue("imprimacion antioxidante");

        assertThat(rows()).extracting(ArticleRow::code).containsExactly("QUI-IMPRIM-ANTIOX");
    }

    @Test
    void the_form_refuses_a_wrong_barcode_and_missing_names_and_saves_nothing() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ArticleListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nuevo artículo")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        String code = "KB-" + word();
        dialog.code.setValue(code);
        dialog.barcode.setValue("4006381333932");

        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.barcode.isInvalid()).isTrue();
        assertThat(dialog.barcode.getErrorMessage())
                .isEqualTo("El código de barras no es un EAN-13 válido (13 cifras con dígito de control correcto).");
        assertThat(dialog.nameEs.isInvalid()).isTrue();
        assertThat(dialog.nameEs.getErrorMessage()).isEqualTo("Obligatorio");
        assertThat(lists.count(ArticleQuery.matching(code)).value()).isZero();
    }

    @Test
    void a_valid_article_is_saved_and_listed() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ArticleListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nuevo artículo")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        String code = "KB-" + word();
        dialog.code.setValue(code);
        dialog.nameEs.setValue("Brida de acero " + code);
        dialog.nameEn.setValue("Steel flange " + code);
        dialog.salePrice.setValue(new BigDecimal("9.90"));

        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Artículo " + code + " guardado.");
        _get(QuickSearchField.class).setValue(code);
        assertThat(rows()).extracting(ArticleRow::code).containsExactly(code);
    }

    @Test
    void a_taken_code_is_refused_on_the_code_field_and_the_dialog_stays_open() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ArticleListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nuevo artículo")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        dialog.code.setValue("QUI-IMPRIM-ANTIOX");
        dialog.nameEs.setValue("Otra imprimación");
        dialog.nameEn.setValue("Another primer");

        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Ya hay un artículo con el código QUI-IMPRIM-ANTIOX.");
    }

    @Test
    void the_list_counts_what_it_shows_formats_prices_and_says_what_to_do_when_nothing_matches() {
        login("admin@demo.nexo");
        String code = "KB-" + word();
        UI.getCurrent().navigate(ArticleListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nuevo artículo")));
        ArticleFormDialog dialog = _get(ArticleFormDialog.class);
        dialog.code.setValue(code);
        dialog.nameEs.setValue("Grifo " + code);
        dialog.nameEn.setValue("Tap " + code);
        dialog.salePrice.setValue(new BigDecimal("89"));
        _click(dialog.save);
        expectNotifications("Artículo " + code + " guardado.");
        ArticleListView view = _get(ArticleListView.class);

        _get(QuickSearchField.class).setValue(code);

        assertThat(view.count.getText()).isEqualTo("1 artículo");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains(code, "Grifo " + code, "89,00\u00a0€");

        _get(QuickSearchField.class).setValue("zzz" + word());
        assertThat(rows()).isEmpty();
        assertThat(view.grid.getEmptyStateText()).startsWith("Ningún artículo coincide");
    }

    @Test
    void receiving_stock_on_the_stock_screen_raises_on_hand_and_shows_the_movement() {
        login("admin@demo.nexo");
        String code = "KB-" + word();
        UI.getCurrent().navigate(ArticleListView.class);
        _click(_get(Button.class, spec -> spec.withText("Nuevo artículo")));
        ArticleFormDialog form = _get(ArticleFormDialog.class);
        form.code.setValue(code);
        form.nameEs.setValue("Codo " + code);
        form.nameEn.setValue("Elbow " + code);
        _click(form.save);
        expectNotifications("Artículo " + code + " guardado.");
        ArticleRow created =
                articles.listArticles(ArticleQuery.matching(code), 0, 1).getFirst();

        UI.getCurrent().navigate(StockView.class, StockView.linkTo(created.id(), null));
        StockView view = _get(StockView.class);
        view.quantity.setValue(new BigDecimal("12"));
        view.reason.setValue("Albarán 77");
        _click(view.receive);

        expectNotifications("Existencias actualizadas.");
        @SuppressWarnings("unchecked")
        List<BalanceRow> balances = GridKt._fetch(view.balances, 0, 10);
        assertThat(balances)
                .singleElement()
                .satisfies(row -> assertThat(row.onHand()).isEqualByComparingTo("12"));
        List<MovementRow> history = GridKt._fetch(view.movements, 0, 10);
        assertThat(history).singleElement().satisfies(row -> {
            assertThat(row.type()).isEqualTo(MovementType.RECEIPT);
            assertThat(row.reason()).isEqualTo("Albarán 77");
        });

        view.quantity.setValue(new BigDecimal("13"));
        _click(view.issue);
        expectNotifications("No hay existencias suficientes de " + code + " en el almacén CEN.");
        assertThat(GridKt._fetch(view.movements, 0, 10)).hasSize(1);
    }

    @Test
    void a_user_without_article_or_stock_permissions_is_refused_both_screens_and_has_no_menu_entries() {
        login("admin@demo.nexo");
        String code = "art-" + word().toLowerCase();
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of("users.read")));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        switchUser(email);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("articles", "stock");
        assertThatThrownBy(() -> UI.getCurrent().navigate(ArticleListView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(StockView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_read_only_role_sees_the_list_without_new_or_move_buttons() {
        login("consulta@demo.nexo");
        UI.getCurrent().navigate(ArticleListView.class);
        assertThat(rows()).isNotEmpty();
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(Button.class, spec -> spec.withText("Nuevo artículo"));

        UI.getCurrent().navigate(StockView.class);
        assertThat(_get(StockView.class).receive.isAttached()).isFalse();
    }
}
