package com.nexo.purchasing.prices;

import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.accounts.account.AccountService;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.documents.OrderLine;
import com.nexo.purchasing.documents.PurchaseOrderService;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The supplier's prices where an order line is proposed ({@code PurchaseOrderService.lineFor}) and
 * asked for in bulk ({@link SupplierPriceService#pricesFor}), on the real database as the demo
 * tenant's users. The fixtures' articles cost 7.25.
 */
@NexoSpringTest
class SupplierPriceLinesTest {

    private static final Locale SPANISH = Locale.of("es");

    @Autowired
    private SupplierPriceService prices;

    @Autowired
    private PurchaseOrderService orders;

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
    private UUID supplier;
    private UUID bolts;

    @BeforeEach
    void setUp() {
        fx = new PricesFixtures(users, accounts, prices, articleService, categories, warehouses, units);
        supplier = fx.supplier("Tramos", "es");
        bolts = fx.article();
        fx.entry(supplier, bolts, "TR-10", 6, "10", "9", "50", "8");
    }

    private OrderLine line(UUID supplierId, UUID article, String quantity) {
        return fx.as(
                PricesFixtures.ADMIN, () -> orders.lineFor(supplierId, article, new BigDecimal(quantity), SPANISH));
    }

    @Test
    void a_line_takes_the_break_for_its_quantity_on_a_break_and_between_breaks() {
        assertThat(line(supplier, bolts, "10").unitPrice()).isEqualByComparingTo("9");
        assertThat(line(supplier, bolts, "30").unitPrice()).isEqualByComparingTo("9");
        assertThat(line(supplier, bolts, "49.9999").unitPrice()).isEqualByComparingTo("9");
        assertThat(line(supplier, bolts, "50").unitPrice()).isEqualByComparingTo("8");
        assertThat(line(supplier, bolts, "5000").unitPrice()).isEqualByComparingTo("8");
        OrderLine proposed = line(supplier, bolts, "12");
        assertThat(proposed.supplierCode()).isEqualTo("TR-10");
        assertThat(proposed.articleId()).isEqualTo(bolts);
        assertThat(proposed.quantity()).isEqualByComparingTo("12");
        assertThat(proposed.description()).startsWith("Artículo ");
    }

    @Test
    void below_the_first_break_a_line_takes_the_last_price_else_the_cost() {
        assertThat(line(supplier, bolts, "5").unitPrice())
                .as("below every break, nothing bought yet: the article's cost")
                .isEqualByComparingTo("7.25");
        assertThat(line(supplier, bolts, "5").supplierCode()).isEqualTo("TR-10");

        fx.as(PricesFixtures.ADMIN, () -> {
            prices.recordLastPrice(supplier, bolts, new BigDecimal("9.40"), LocalDate.of(2026, 11, 2), null);
            return null;
        });
        assertThat(line(supplier, bolts, "5").unitPrice()).isEqualByComparingTo("9.40");
        assertThat(line(supplier, bolts, "10").unitPrice())
                .as("a break that applies comes before the last price")
                .isEqualByComparingTo("9");
    }

    @Test
    void without_a_supplier_price_a_line_takes_the_cost_and_no_supplier_code() {
        UUID other = fx.supplier("Sin tarifa", "es");
        OrderLine fromOther = line(other, bolts, "50");
        assertThat(fromOther.unitPrice()).isEqualByComparingTo("7.25");
        assertThat(fromOther.supplierCode()).isNull();

        OrderLine noSupplier = line(null, bolts, "50");
        assertThat(noSupplier.unitPrice()).as("no supplier chosen yet").isEqualByComparingTo("7.25");
        assertThat(noSupplier.supplierCode()).isNull();
    }

    @Test
    void a_price_in_another_currency_than_the_suppliers_is_not_proposed() {
        UUID dollars = fx.article();
        SupplierArticleForm form = SupplierArticleForm.newEntry(supplier, dollars);
        form.setSupplierCode("USD-1");
        form.setCurrency("USD");
        form.setBreaks(List.of(new SupplierArticleForm.Break(BigDecimal.ONE, new BigDecimal("3"))));
        fx.as(PricesFixtures.ADMIN, () -> prices.create(form));

        OrderLine proposed = line(supplier, dollars, "5");
        assertThat(proposed.unitPrice()).isEqualByComparingTo("7.25");
        assertThat(proposed.supplierCode()).isEqualTo("USD-1");
    }

    @Test
    void prices_in_bulk_answer_every_request_in_order_from_one_statement() {
        UUID codeOnly = fx.article();
        fx.entry(supplier, codeOnly, "SOLO", 21);
        UUID unsold = fx.article();
        UUID otherSupplier = fx.supplier("Otra", "en");

        List<Optional<SupplierPrice>> found = fx.as(
                PricesFixtures.READ_ONLY,
                () -> prices.pricesFor(List.of(
                        new PriceRequest(supplier, bolts, new BigDecimal("60")),
                        new PriceRequest(supplier, unsold, BigDecimal.TEN),
                        new PriceRequest(supplier, bolts, new BigDecimal("10")),
                        new PriceRequest(supplier, codeOnly, BigDecimal.ONE),
                        new PriceRequest(otherSupplier, bolts, new BigDecimal("60")),
                        new PriceRequest(supplier, bolts, new BigDecimal("2")))));

        assertThat(found).hasSize(6);
        assertThat(found.get(0).orElseThrow()).satisfies(p -> {
            assertThat(p.unitPrice()).isEqualByComparingTo("8");
            assertThat(p.source()).isEqualTo(SupplierPrice.Source.BREAK);
            assertThat(p.breakMinQuantity()).isEqualByComparingTo("50");
            assertThat(p.leadTimeDays()).isEqualTo(6);
        });
        assertThat(found.get(1)).isEmpty();
        assertThat(found.get(2).orElseThrow().unitPrice()).isEqualByComparingTo("9");
        assertThat(found.get(3).orElseThrow()).satisfies(p -> {
            assertThat(p.priced()).isFalse();
            assertThat(p.source()).isEqualTo(SupplierPrice.Source.NONE);
            assertThat(p.supplierCode()).isEqualTo("SOLO");
            assertThat(p.leadTimeDays()).isEqualTo(21);
        });
        assertThat(found.get(4)).isEmpty();
        assertThat(found.get(5).orElseThrow().source()).isEqualTo(SupplierPrice.Source.NONE);
        assertThat(fx.as(PricesFixtures.READ_ONLY, () -> prices.pricesFor(List.of())))
                .isEmpty();
        assertThat(fx.as(PricesFixtures.READ_ONLY, () -> prices.priceFor(supplier, codeOnly, BigDecimal.ONE)))
                .as("one price at a time leaves out what has no price")
                .isEmpty();
    }

    @Test
    void another_tenant_sees_none_of_the_prices_in_bulk() {
        List<Optional<SupplierPrice>> seen = fx.as(
                "admin@northwind.nexo",
                () -> prices.pricesFor(List.of(new PriceRequest(supplier, bolts, new BigDecimal("60")))));
        assertThat(seen).containsExactly(Optional.empty());
    }
}
