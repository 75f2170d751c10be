package com.nexo.purchasing.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.account.AccountService;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Suppliers' prices as the demo tenant's users keep and read them: entries with breaks, the price
 * for a quantity (break, else last price, else none), last prices recorded by receipts one by one
 * and a whole receipt at once, and who may do what.
 */
@NexoSpringTest
class SupplierPriceServiceTest {

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

    private Optional<SupplierPrice> price(UUID supplier, UUID article, String quantity) {
        return fx.as(PricesFixtures.READ_ONLY, () -> prices.priceFor(supplier, article, new BigDecimal(quantity)));
    }

    @Test
    void the_break_for_the_quantity_applies_then_the_last_price_then_nothing() {
        UUID supplier = fx.supplier("Aceros", "es");
        UUID withBreaks = fx.article();
        UUID lastPriceOnly = fx.article();
        UUID unknown = fx.article();
        fx.entry(supplier, withBreaks, "AC-1", 7, "1", "10", "50", "9", "200", "8.25");
        fx.as(PricesFixtures.ADMIN, () -> {
            prices.recordLastPrice(supplier, withBreaks, new BigDecimal("7.77"), LocalDate.of(2026, 3, 1), null);
            prices.recordLastPrice(supplier, lastPriceOnly, new BigDecimal("3.10"), LocalDate.of(2026, 3, 1), null);
            return null;
        });

        SupplierPrice fifty = price(supplier, withBreaks, "50").orElseThrow();
        assertThat(fifty.unitPrice()).isEqualByComparingTo("9");
        assertThat(fifty.source()).isEqualTo(SupplierPrice.Source.BREAK);
        assertThat(fifty.breakMinQuantity()).isEqualByComparingTo("50");
        assertThat(fifty.supplierCode()).isEqualTo("AC-1");
        assertThat(fifty.leadTimeDays()).isEqualTo(7);
        assertThat(fifty.currency()).isEqualTo("EUR");
        assertThat(price(supplier, withBreaks, "199.9999").orElseThrow().unitPrice())
                .isEqualByComparingTo("9");
        assertThat(price(supplier, withBreaks, "1000").orElseThrow().unitPrice())
                .isEqualByComparingTo("8.25");
        assertThat(price(supplier, withBreaks, "0.5").orElseThrow())
                .as("below every break: the last price")
                .satisfies(below -> {
                    assertThat(below.unitPrice()).isEqualByComparingTo("7.77");
                    assertThat(below.source()).isEqualTo(SupplierPrice.Source.LAST_PRICE);
                });
        assertThat(price(supplier, lastPriceOnly, "10").orElseThrow().unitPrice())
                .isEqualByComparingTo("3.10");
        assertThat(price(supplier, unknown, "10")).isEmpty();
        assertThat(price(fx.supplier("Otro", "es"), withBreaks, "10")).isEmpty();
    }

    @Test
    void an_entry_is_created_read_changed_and_deleted_at_its_version() {
        UUID supplier = fx.supplier("Tornillos", "en");
        UUID article = fx.article();
        UUID id = fx.entry(supplier, article, "T-9", 3, "10", "1.50");

        SupplierArticle read = fx.as(PricesFixtures.READ_ONLY, () -> prices.get(id));
        assertThat(read.supplierName()).isEqualTo("Tornillos " + fx.tag());
        assertThat(read.articleCode()).startsWith("A");
        assertThat(read.breaks()).singleElement().satisfies(b -> {
            assertThat(b.minQuantity()).isEqualByComparingTo("10");
            assertThat(b.unitPrice()).isEqualByComparingTo("1.50");
        });

        SupplierArticleForm form = fx.as(PricesFixtures.ADMIN, () -> prices.getForm(id));
        form.setSupplierCode("T-10");
        form.setMinOrderQty(new BigDecimal("5"));
        form.setBreaks(List.of(
                new SupplierArticleForm.Break(new BigDecimal("1"), new BigDecimal("2")),
                new SupplierArticleForm.Break(new BigDecimal("100"), new BigDecimal("1.25"))));
        fx.as(PricesFixtures.ADMIN, () -> {
            prices.update(form);
            return null;
        });
        SupplierArticle changed = fx.as(PricesFixtures.ADMIN, () -> prices.get(id));
        assertThat(changed.supplierCode()).isEqualTo("T-10");
        assertThat(changed.minOrderQty()).isEqualByComparingTo("5");
        assertThat(changed.breaks())
                .extracting(b -> b.minQuantity().stripTrailingZeros().toPlainString())
                .containsExactly("1", "100");
        assertThat(changed.version()).isEqualTo(read.version() + 1);

        assertThatThrownBy(() -> fx.as(PricesFixtures.ADMIN, () -> {
                    prices.update(form);
                    return null;
                }))
                .as("saved over a stale version")
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.prices.error.changed-meanwhile"));
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.get(id)).supplierCode())
                .isEqualTo("T-10");

        assertThat(fx.as(PricesFixtures.READ_ONLY, () -> prices.suppliersOf(article)))
                .extracting(SupplierArticle::id)
                .containsExactly(id);
        assertThat(fx.as(PricesFixtures.READ_ONLY, () -> prices.articlesOf(supplier, 0, 50)))
                .extracting(SupplierArticle::articleId)
                .containsExactly(article);

        fx.as(PricesFixtures.ADMIN, () -> {
            prices.delete(id, changed.version());
            return null;
        });
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.suppliersOf(article)))
                .isEmpty();
    }

    @Test
    void a_second_entry_for_the_same_pair_a_client_a_repeated_break_or_a_bad_form_are_refused() {
        UUID supplier = fx.supplier("Duplicado", "es");
        UUID article = fx.article();
        fx.entry(supplier, article, null, null);

        assertThatThrownBy(() -> fx.entry(supplier, article, "X", null))
                .isInstanceOfSatisfying(PurchasingRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("purchasing.prices.error.duplicate");
                    assertThat(e.field()).isEqualTo("articleId");
                });
        assertThatThrownBy(() -> fx.entry(fx.client("Cliente"), article, null, null))
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.prices.error.not-a-supplier"));
        assertThatThrownBy(() -> fx.entry(supplier, fx.article(), null, null, "10", "1", "10.0", "2"))
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.prices.error.duplicate-break"));
        assertThatThrownBy(() -> fx.entry(supplier, fx.article(), null, 731))
                .isInstanceOfSatisfying(
                        PurchasingRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("purchasing.prices.error.invalid"));
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.articlesOf(supplier, 0, 50)))
                .hasSize(1);
    }

    @Test
    void a_whole_receipt_records_its_last_prices_at_once_and_an_older_price_never_replaces_a_newer_one() {
        UUID supplier = fx.supplier("Recepciones", "es");
        UUID kept = fx.article();
        UUID fresh = fx.article();
        UUID twice = fx.article();
        UUID entry = fx.entry(supplier, kept, "K-1", 2, "10", "4");
        LocalDate march = LocalDate.of(2026, 3, 10);

        fx.as(PricesFixtures.ADMIN, () -> {
            prices.recordLastPrices(List.of(
                    new LastPrice(supplier, kept, new BigDecimal("4.40"), march, null),
                    new LastPrice(supplier, fresh, new BigDecimal("12"), march, null),
                    new LastPrice(supplier, twice, new BigDecimal("5"), march, null),
                    new LastPrice(supplier, twice, new BigDecimal("6"), march, null),
                    new LastPrice(supplier, twice, new BigDecimal("1"), march.minusDays(1), null)));
            return null;
        });
        SupplierArticle keptEntry = fx.as(PricesFixtures.ADMIN, () -> prices.get(entry));
        assertThat(keptEntry.lastPrice()).isEqualByComparingTo("4.40");
        assertThat(keptEntry.lastPriceOn()).isEqualTo(march);
        assertThat(keptEntry.supplierCode()).as("the rest of the entry is kept").isEqualTo("K-1");
        assertThat(keptEntry.breaks()).hasSize(1);
        assertThat(price(supplier, fresh, "1").orElseThrow().unitPrice()).isEqualByComparingTo("12");
        assertThat(price(supplier, twice, "1").orElseThrow().unitPrice())
                .as("the latest of the same receipt's prices for one article")
                .isEqualByComparingTo("6");

        fx.as(PricesFixtures.ADMIN, () -> {
            prices.recordLastPrice(supplier, kept, new BigDecimal("3.00"), march.minusDays(5), null);
            return null;
        });
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.get(entry)).lastPrice())
                .as("an older receipt does not replace the last price")
                .isEqualByComparingTo("4.40");
        fx.as(PricesFixtures.ADMIN, () -> {
            prices.recordLastPrice(supplier, kept, new BigDecimal("4.90"), march.plusDays(1), null);
            return null;
        });
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.get(entry)).lastPrice())
                .isEqualByComparingTo("4.90");
    }

    @Test
    void reading_needs_purchasing_read_and_changing_needs_purchasing_settings() {
        UUID supplier = fx.supplier("Permisos", "es");
        UUID article = fx.article();
        UUID id = fx.entry(supplier, article, null, null);

        assertThatThrownBy(() -> fx.as(PricesFixtures.SALES, () -> prices.suppliersOf(article)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(PricesFixtures.SALES, () -> prices.priceFor(supplier, article, BigDecimal.ONE)))
                .isInstanceOf(AccessDeniedException.class);
        SupplierArticleForm form = fx.as(PricesFixtures.READ_ONLY, () -> prices.getForm(id));
        form.setSupplierCode("NO");
        assertThatThrownBy(() -> fx.as(PricesFixtures.READ_ONLY, () -> {
                    prices.update(form);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(PricesFixtures.READ_ONLY, () -> {
                    prices.delete(id, form.getVersion());
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fx.as(PricesFixtures.READ_ONLY, () -> {
                    prices.recordLastPrice(supplier, article, BigDecimal.ONE, LocalDate.now(), null);
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fx.as(PricesFixtures.ADMIN, () -> prices.get(id)).supplierCode())
                .isNull();
    }
}
