package com.nexo.purchasing.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.accounts.AccountDirectory.AccountName;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.prices.PricesFixtures;
import com.nexo.purchasing.prices.SupplierArticle;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Section;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The sections the purchasing module adds to the article page and to a supplier's account page. */
class PricesSectionsTest extends KaribuTest {

    @Autowired
    private SupplierPriceService prices;

    @Autowired
    private UserDetailsService users;

    @Autowired
    private AccountService accounts;

    @Autowired
    private ArticleService articleService;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    private PricesFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new PricesFixtures(users, accounts, prices, articleService, categories, warehouses, units);
    }

    private static List<String> sectionTitles() {
        return _find(Section.class, spec -> spec.withClasses("record-section")).stream()
                .map(section -> section.getElement().getChild(0).getText())
                .toList();
    }

    /** The first row's cells as the user reads them (no-break spaces as spaces). */
    private static List<String> cells(Grid<SupplierArticle> grid) {
        return GridKt._getFormattedRow(grid, 0).stream()
                .map(cell -> cell.replace('\u00a0', ' ').replace('\u202f', ' '))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Grid<SupplierArticle> grid(String className) {
        return _get(Grid.class, spec -> spec.withClasses(className));
    }

    @Test
    void the_article_page_lists_its_suppliers_and_adds_one_with_its_breaks() {
        UUID known = fx.supplier("Conocido", "es");
        UUID added = fx.supplier("Nuevo", "en");
        UUID article = fx.article();
        fx.entry(known, article, "K-77", 5, "10", "9.50");
        fx.as(PricesFixtures.ADMIN, () -> {
            prices.recordLastPrice(known, article, new BigDecimal("9.80"), LocalDate.of(2026, 2, 3), null);
            return null;
        });
        login(PricesFixtures.ADMIN);

        UI.getCurrent().navigate("articles/" + article);

        assertThat(sectionTitles()).contains("Proveedores");
        Grid<SupplierArticle> grid = grid("article-suppliers-grid");
        List<SupplierArticle> rows = GridKt._fetch(grid, 0, 10);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.supplierName()).isEqualTo("Conocido " + fx.tag());
            assertThat(row.supplierCode()).isEqualTo("K-77");
        });
        assertThat(cells(grid)).contains("K-77", "5 días", "9,80 € el 3 feb 2026", "desde 10: 9,50 €");

        _click(_get(Button.class, spec -> spec.withClasses("article-suppliers-add")));
        SupplierArticleDialog dialog = _get(SupplierArticleDialog.class);
        assertThat(dialog.supplier.isVisible()).isTrue();
        assertThat(dialog.article.isVisible()).as("the article is the page's").isFalse();
        dialog.supplier.setValue(new AccountName(added, "Nuevo " + fx.tag()));
        dialog.supplierCode.setValue("N-1");
        dialog.leadTimeDays.setValue(12);
        dialog.breakQuantity.setValue(new BigDecimal("100"));
        dialog.breakPrice.setValue(new BigDecimal("7.25"));
        _click(dialog.addBreak);
        dialog.breakQuantity.setValue(new BigDecimal("1"));
        dialog.breakPrice.setValue(new BigDecimal("8"));
        _click(dialog.addBreak);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(GridKt._fetch(grid, 0, 10))
                .extracting(SupplierArticle::supplierCode)
                .containsExactlyInAnyOrder("K-77", "N-1");
        SupplierArticle saved = fx.as(PricesFixtures.ADMIN, () -> prices.suppliersOf(article)).stream()
                .filter(entry -> entry.supplierId().equals(added))
                .findFirst()
                .orElseThrow();
        assertThat(saved.leadTimeDays()).isEqualTo(12);
        assertThat(saved.breaks())
                .extracting(b -> b.minQuantity().stripTrailingZeros().toPlainString())
                .containsExactly("1", "100");
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.priceFor(added, article, new BigDecimal("150"))))
                .hasValueSatisfying(price -> assertThat(price.unitPrice()).isEqualByComparingTo("7.25"));
    }

    @Test
    void a_suppliers_account_page_lists_the_articles_it_sells_and_a_clients_page_has_no_such_section() {
        UUID supplier = fx.supplier("Vendedor", "es");
        UUID client = fx.client("Comprador");
        UUID article = fx.article();
        fx.entry(supplier, article, "V-1", null, "5", "2");
        login(PricesFixtures.ADMIN);

        UI.getCurrent().navigate("accounts/" + supplier);
        assertThat(sectionTitles()).contains("Artículos que vende");
        assertThat(GridKt._fetch(grid("supplier-articles-grid"), 0, 10))
                .extracting(SupplierArticle::articleId)
                .containsExactly(article);
        assertThat(cells(grid("supplier-articles-grid"))).contains("V-1", "desde 5: 2,00 €");

        UI.getCurrent().navigate("accounts/" + client);
        assertThat(sectionTitles()).doesNotContain("Artículos que vende");
    }

    @Test
    void who_may_only_read_purchasing_sees_the_suppliers_without_changing_them_and_others_see_nothing() {
        UUID supplier = fx.supplier("Solo lectura", "es");
        UUID article = fx.article();
        fx.entry(supplier, article, "R-1", null);

        login(PricesFixtures.READ_ONLY);
        UI.getCurrent().navigate("articles/" + article);
        assertThat(sectionTitles()).contains("Proveedores");
        assertThat(_find(Button.class, spec -> spec.withClasses("article-suppliers-add")))
                .isEmpty();
        Grid<SupplierArticle> grid = grid("article-suppliers-grid");
        GridKt._clickItem(grid, 0);
        SupplierArticleDialog dialog = _get(SupplierArticleDialog.class);
        assertThat(dialog.save.isVisible()).isFalse();
        assertThat(dialog.delete.isVisible()).isFalse();
        assertThat(dialog.supplierCode.isReadOnly()).isTrue();
        dialog.close();

        switchUser(PricesFixtures.SALES);
        UI.getCurrent().navigate("articles/" + article);
        assertThat(sectionTitles()).doesNotContain("Proveedores");
        assertThat(_find(Grid.class, spec -> spec.withClasses("article-suppliers-grid")))
                .isEmpty();
        UI.getCurrent().navigate("accounts/" + supplier);
        assertThat(sectionTitles()).doesNotContain("Artículos que vende");
    }
}
