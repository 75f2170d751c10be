package com.nexo.sales.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.nexo.accounts.AccountFixtures;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.sales.pricing.PriceListForm;
import com.nexo.sales.pricing.PriceListItemRow;
import com.nexo.sales.pricing.PriceListRow;
import com.nexo.sales.pricing.PriceListService;
import com.nexo.shell.ui.DashboardView;
import com.nexo.testing.KaribuTest;
import com.nexo.testing.LoggedIn;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The price lists screen, a price list's page with its items, and the price list form. */
class PriceListViewsTest extends KaribuTest {

    @Autowired
    private PriceListService priceLists;

    @Autowired
    private ArticleDirectory articleDirectory;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ArticleService articleService;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    private ArticleFixtures articles;

    @BeforeEach
    void setUp() {
        articles = new ArticleFixtures(users, articleService, categories, warehouses, units);
    }

    private UUID list(String name) {
        PriceListForm form = new PriceListForm();
        form.setName(name);
        form.setValidFrom(LocalDate.of(2026, 1, 1));
        return LoggedIn.asUser(users, AccountFixtures.SALES, () -> priceLists.save(form));
    }

    @SuppressWarnings("unchecked")
    private static List<PriceListRow> listed(PriceListsView view) {
        return GridKt._fetch(view.grid, 0, 500);
    }

    @SuppressWarnings("unchecked")
    private static List<PriceListItemRow> items(PriceListView view) {
        return GridKt._fetch(view.items, 0, 500);
    }

    @Test
    void a_new_list_is_checked_as_the_user_types_and_once_saved_its_page_opens() {
        login(AccountFixtures.SALES);
        UI.getCurrent().navigate(PriceListsView.class);
        PriceListsView view = _get(PriceListsView.class);
        int before = listed(view).size();

        _click(view.create);
        PriceListFormDialog dialog = _get(PriceListFormDialog.class);
        assertThat(dialog.currency.getValue()).isEqualTo("EUR");
        assertThat(dialog.validFrom.getValue()).isNotNull();
        dialog.currency.setValue("eur");
        dialog.clientGroup.setValue("no válido");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Obligatorio");
        assertThat(dialog.currency.getErrorMessage())
                .isEqualTo("Usa un código de moneda de tres letras mayúsculas, por ejemplo EUR.");
        assertThat(dialog.clientGroup.getErrorMessage())
                .isEqualTo("Usa de 1 a 20 letras sin tildes, cifras, guiones o guiones bajos.");

        String name = "Tarifa " + articles.tag;
        dialog.name.setValue(name);
        dialog.currency.setValue("EUR");
        dialog.clientGroup.setValue("hosteleria");
        dialog.validFrom.setValue(LocalDate.of(2026, 2, 1));
        dialog.validTo.setValue(LocalDate.of(2026, 1, 31));
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.validTo.getErrorMessage()).isEqualTo("La fecha de fin no puede ser anterior a la de inicio.");

        dialog.validTo.clear();
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Tarifa " + name + " guardada.");
        PriceListView page = _get(PriceListView.class);
        assertThat(page.title.getText()).isEqualTo(name);
        assertThat(page.summary.getText()).isEqualTo("Desde el 1 feb 2026 · EUR · 0 precios");

        UI.getCurrent().navigate(PriceListsView.class);
        PriceListsView again = _get(PriceListsView.class);
        assertThat(listed(again)).hasSize(before + 1);
        assertThat(listed(again))
                .filteredOn(row -> row.name().equals(name))
                .singleElement()
                .satisfies(row -> assertThat(row.clientGroup()).isEqualTo("HOSTELERIA"));
        again.search.setValue(articles.tag);
        assertThat(listed(again)).extracting(PriceListRow::name).containsExactly(name);
    }

    @Test
    void items_are_added_by_article_with_quantity_breaks_edited_in_their_row_and_deleted() {
        UUID listId = list("Precios " + articles.tag);
        UUID articleId = articles.article(null, "ud");
        login(AccountFixtures.SALES);
        UI.getCurrent().navigate(PriceListView.class, PriceListView.parameters(listId));
        PriceListView view = _get(PriceListView.class);
        assertThat(items(view)).isEmpty();
        ArticleDirectory.ArticleSummary article =
                articleDirectory.summaries(List.of(articleId)).get(articleId);

        view.newArticle.setValue(article);
        assertThat(view.newUnitPrice.getValue()).as("the article's sale price").isEqualByComparingTo("12.50");
        view.newMinQuantity.setValue(BigDecimal.ZERO);
        view.newUnitPrice.setValue(new BigDecimal("11"));
        _click(view.add);
        expectNotifications("Precio de " + article.code() + " añadido.");

        view.newArticle.setValue(article);
        view.newMinQuantity.setValue(new BigDecimal("10"));
        view.newUnitPrice.setValue(new BigDecimal("9.5"));
        view.newDiscount.setValue(new BigDecimal("150"));
        _click(view.add);
        assertThat(view.newDiscount.getErrorMessage())
                .isEqualTo("Un porcentaje entre 0 y 100, con dos decimales como mucho.");
        view.newDiscount.setValue(new BigDecimal("2"));
        _click(view.add);
        expectNotifications("Precio de " + article.code() + " añadido.");

        view.newArticle.setValue(article);
        view.newMinQuantity.setValue(new BigDecimal("10"));
        view.newUnitPrice.setValue(new BigDecimal("9"));
        _click(view.add);
        assertThat(view.newMinQuantity.isInvalid()).isTrue();
        assertThat(view.newMinQuantity.getErrorMessage())
                .isEqualTo("Esta tarifa ya tiene un precio de este artículo desde la cantidad 10.");

        List<PriceListItemRow> shown = items(view);
        assertThat(shown)
                .extracting(row -> row.unitPrice().stripTrailingZeros().toPlainString())
                .containsExactly("9.5", "11");
        assertThat(shown.getFirst().articleCode()).isEqualTo(article.code());
        assertThat(view.summary.getText()).endsWith("2 precios");

        // Edit the break from 10 in its row.
        view.items.getEditor().editItem(shown.getFirst());
        MockVaadin.clientRoundtrip(false); // the editor opens before the response goes out
        assertThat(view.editUnitPrice.getValue()).isEqualByComparingTo("9.5");
        view.editUnitPrice.setValue(new BigDecimal("8.75"));
        view.editMinQuantity.setValue(new BigDecimal("12"));
        view.saveEdited();
        expectNotifications("Precio guardado.");
        assertThat(items(view))
                .extracting(row -> row.minQuantity().stripTrailingZeros().toPlainString() + "@"
                        + row.unitPrice().stripTrailingZeros().toPlainString())
                .containsExactly("12@8.75", "0@11");

        Button delete = _find(GridKt._getCellComponent(view.items, 1, "actions"), Button.class).stream()
                .filter(button -> button.hasClassName("delete-item"))
                .findFirst()
                .orElseThrow();
        _click(delete);
        expectNotifications("Precio de " + article.code() + " eliminado.");
        assertThat(items(view)).hasSize(1);
    }

    @Test
    void a_read_only_user_sees_lists_and_items_without_the_means_to_change_them() {
        UUID listId = list("Solo lectura " + articles.tag);
        login(AccountFixtures.READ_ONLY);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .contains("sales/price-lists");

        UI.getCurrent().navigate(PriceListsView.class);
        PriceListsView view = _get(PriceListsView.class);
        assertThat(view.create.isVisible()).isFalse();
        assertThat(listed(view)).extracting(PriceListRow::id).contains(listId);

        UI.getCurrent().navigate(PriceListView.class, PriceListView.parameters(listId));
        PriceListView page = _get(PriceListView.class);
        assertThat(page.edit.isAttached()).isFalse();
        assertThat(page.add.isAttached()).isFalse();
        assertThat(page.items.getColumnByKey("actions")).isNull();
    }

    @Test
    void a_portal_client_has_no_menu_entry_and_is_refused() {
        login("cliente@demo.nexo");
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("sales/price-lists");

        assertThatThrownBy(() -> UI.getCurrent().navigate(PriceListsView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void another_tenants_list_is_not_found() {
        UUID listId = list("Ajena " + articles.tag);
        login("admin@northwind.nexo");
        UI.getCurrent().navigate(PriceListView.class, PriceListView.parameters(listId));
        assertThat(_find(PriceListView.class)).isEmpty();
    }
}
