package com.nexo.sales.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.accounts.AccountFixtures;
import com.nexo.accounts.account.AccountService;
import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.TaxRegime;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Which price a client gets, read as the demo tenant's sales user: the client's own list beats its
 * group's, which beats the default; only lists valid on the day count; the largest quantity break not
 * above the quantity applies; no list pricing the article means no price. Also clients' terms and
 * their defaults.
 */
@NexoSpringTest
class PriceListsTest {

    private static final String SALES = AccountFixtures.SALES;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);

    @Autowired
    private PriceLists prices;

    @Autowired
    private PriceListService priceLists;

    @Autowired
    private ClientTermsService terms;

    @Autowired
    private AccountService accounts;

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

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    private UUID client(String name) {
        return as(AccountFixtures.SALES, () -> accounts.create(AccountFixtures.company(name + " " + articles.tag)));
    }

    private UUID list(String name, LocalDate from, LocalDate to, boolean isDefault, String group) {
        PriceListForm form = new PriceListForm();
        form.setName(name + " " + articles.tag);
        form.setValidFrom(from);
        form.setValidTo(to);
        form.setDefaultList(isDefault);
        form.setClientGroup(group);
        return as(SALES, () -> priceLists.save(form));
    }

    private void price(UUID list, UUID article, String minQuantity, String unitPrice, String discount) {
        as(
                SALES,
                () -> priceLists.saveItem(
                        list,
                        new PriceListItemForm(
                                null,
                                null,
                                article,
                                new BigDecimal(minQuantity),
                                new BigDecimal(unitPrice),
                                new BigDecimal(discount))));
    }

    private void assign(UUID account, UUID list, String group) {
        ClientTermsForm form = as(SALES, () -> terms.getForm(account));
        form.setPriceListId(list);
        form.setClientGroup(group);
        as(SALES, () -> terms.save(form));
    }

    private Optional<PriceQuote> quote(UUID account, UUID article, String quantity, LocalDate day) {
        return as(SALES, () -> prices.priceFor(account, article, new BigDecimal(quantity), day));
    }

    private static BigDecimal unitPrice(Optional<PriceQuote> quote) {
        return quote.orElseThrow().unitPrice().stripTrailingZeros();
    }

    @Test
    void the_clients_own_list_beats_its_groups_which_beats_the_default_article_by_article() {
        String group = "G" + articles.tag;
        UUID general = list("General", LocalDate.of(2026, 1, 1), null, true, null);
        UUID wholesale = list("Mayoristas", LocalDate.of(2026, 1, 1), null, false, group);
        UUID own = list("Propia", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), false, null);
        UUID everywhere = articles.article(null, "ud");
        UUID onlyInGeneral = articles.article(null, "ud");
        UUID nowhere = articles.article(null, "ud");
        price(general, everywhere, "0", "10", "0");
        price(wholesale, everywhere, "0", "9", "0");
        price(own, everywhere, "0", "8", "5");
        price(general, onlyInGeneral, "0", "20", "0");
        UUID withOwnList = client("Con tarifa propia");
        UUID inGroup = client("Del grupo");
        UUID nobody = client("Sin condiciones");
        assign(withOwnList, own, group);
        assign(inGroup, null, group.toLowerCase(java.util.Locale.ROOT));

        Optional<PriceQuote> ownPrice = quote(withOwnList, everywhere, "1", DAY);
        assertThat(ownPrice).hasValueSatisfying(quote -> {
            assertThat(quote.unitPrice()).isEqualByComparingTo("8");
            assertThat(quote.discountPercent()).isEqualByComparingTo("5");
            assertThat(quote.priceListId()).isEqualTo(own);
            assertThat(quote.listName()).isEqualTo("Propia " + articles.tag);
            assertThat(quote.currency()).isEqualTo("EUR");
        });
        assertThat(quote(inGroup, everywhere, "1", DAY).orElseThrow().priceListId())
                .as("the group is stored in capitals and matches the group's list")
                .isEqualTo(wholesale);
        assertThat(quote(nobody, everywhere, "1", DAY).orElseThrow().priceListId())
                .isEqualTo(general);
        assertThat(quote(withOwnList, onlyInGeneral, "1", DAY).orElseThrow().priceListId())
                .as("an article the client's own list does not price comes from the default list")
                .isEqualTo(general);
        assertThat(quote(withOwnList, nowhere, "1", DAY))
                .as("no list prices it")
                .isEmpty();
    }

    @Test
    void only_lists_valid_on_the_day_and_not_archived_count() {
        String group = "V" + articles.tag;
        UUID own = list("Primavera", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), false, null);
        UUID groups = list("Grupo anual", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), false, group);
        UUID article = articles.article(null, "ud");
        price(own, article, "0", "7", "0");
        price(groups, article, "0", "9", "0");
        UUID client = client("Temporada");
        assign(client, own, group);

        assertThat(quote(client, article, "1", LocalDate.of(2026, 2, 28))
                        .orElseThrow()
                        .priceListId())
                .as("the day before the own list starts")
                .isEqualTo(groups);
        assertThat(unitPrice(quote(client, article, "1", LocalDate.of(2026, 3, 1))))
                .isEqualByComparingTo("7");
        assertThat(unitPrice(quote(client, article, "1", LocalDate.of(2026, 5, 31))))
                .as("the last day is included")
                .isEqualByComparingTo("7");
        assertThat(unitPrice(quote(client, article, "1", LocalDate.of(2026, 6, 1))))
                .isEqualByComparingTo("9");
        assertThat(quote(client, article, "1", LocalDate.of(2027, 1, 1)))
                .as("no list valid")
                .isEmpty();

        as(SALES, () -> {
            priceLists.archive(own);
            return null;
        });
        assertThat(unitPrice(quote(client, article, "1", LocalDate.of(2026, 4, 1))))
                .as("an archived list applies to nobody")
                .isEqualByComparingTo("9");
    }

    @Test
    void the_largest_quantity_break_not_above_the_quantity_applies() {
        UUID own = list("Por cantidad", LocalDate.of(2026, 1, 1), null, false, null);
        UUID group = list("Por cantidad grupo", LocalDate.of(2026, 1, 1), null, false, "Q" + articles.tag);
        UUID article = articles.article(null, "ud");
        UUID onlyInBulk = articles.article(null, "ud");
        price(own, article, "0", "10", "0");
        price(own, article, "10", "9", "0");
        price(own, article, "100", "8", "2.5");
        price(own, onlyInBulk, "50", "3", "0");
        price(group, onlyInBulk, "0", "4", "0");
        UUID client = client("Cantidades");
        assign(client, own, "Q" + articles.tag);

        assertThat(unitPrice(quote(client, article, "5", DAY))).isEqualByComparingTo("10");
        assertThat(unitPrice(quote(client, article, "10", DAY))).isEqualByComparingTo("9");
        assertThat(unitPrice(quote(client, article, "99.5", DAY))).isEqualByComparingTo("9");
        assertThat(quote(client, article, "100", DAY).orElseThrow().discountPercent())
                .isEqualByComparingTo("2.5");
        assertThat(unitPrice(quote(client, onlyInBulk, "49", DAY)))
                .as("below the own list's only break, the group's list prices it")
                .isEqualByComparingTo("4");
        assertThat(unitPrice(quote(client, onlyInBulk, "50", DAY))).isEqualByComparingTo("3");

        assertThatThrownBy(() -> price(own, article, "10.000", "1", "0"))
                .isInstanceOfSatisfying(SalesRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("sales.pricing.error.break-taken");
                    assertThat(e.field()).isEqualTo("minQuantity");
                });
    }

    @Test
    void many_lines_are_priced_at_once_in_their_order() {
        UUID own = list("Lote", LocalDate.of(2026, 1, 1), null, false, null);
        UUID screws = articles.article(null, "ud");
        UUID nuts = articles.article(null, "ud");
        UUID unpriced = articles.article(null, "ud");
        price(own, screws, "0", "1.10", "0");
        price(own, screws, "1000", "0.90", "0");
        price(own, nuts, "0", "0.25", "0");
        UUID client = client("Pegado de líneas");
        assign(client, own, null);

        List<Optional<PriceQuote>> quoted = as(
                SALES,
                () -> prices.pricesFor(
                        client,
                        List.of(
                                new PriceRequest(screws, new BigDecimal("10")),
                                new PriceRequest(unpriced, BigDecimal.ONE),
                                new PriceRequest(nuts, new BigDecimal("3")),
                                new PriceRequest(screws, new BigDecimal("2000"))),
                        DAY));

        assertThat(quoted).hasSize(4);
        assertThat(unitPrice(quoted.get(0))).isEqualByComparingTo("1.10");
        assertThat(quoted.get(1)).isEmpty();
        assertThat(unitPrice(quoted.get(2))).isEqualByComparingTo("0.25");
        assertThat(unitPrice(quoted.get(3))).isEqualByComparingTo("0.90");
        assertThat(as(SALES, () -> prices.pricesFor(client, List.of(), DAY))).isEmpty();
    }

    @Test
    void only_one_list_is_the_default_and_making_another_one_default_moves_it() {
        UUID first = list("Primera general", LocalDate.of(2026, 1, 1), null, true, null);
        UUID second = list("Segunda general", LocalDate.of(2026, 1, 1), null, true, null);

        assertThat(as(SALES, () -> priceLists.list(first)).isDefault()).isFalse();
        assertThat(as(SALES, () -> priceLists.list(second)).isDefault()).isTrue();
        assertThatThrownBy(() -> list("Primera general", LocalDate.of(2026, 1, 1), null, false, null))
                .isInstanceOfSatisfying(
                        SalesRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sales.pricing.error.name-taken"));
        assertThatThrownBy(() -> list("Al revés", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31), false, null))
                .isInstanceOfSatisfying(
                        SalesRuleException.class, e -> assertThat(e.field()).isEqualTo("validTo"));
    }

    @Test
    void a_client_without_terms_has_the_defaults_and_saved_terms_come_back() {
        UUID client = client("Condiciones");
        ClientTerms defaults = as(SALES, () -> terms.termsOf(client));
        assertThat(defaults.isDefault()).isTrue();
        assertThat(defaults.taxRegime()).isEqualTo(TaxRegime.DOMESTIC);
        assertThat(defaults.withholdingPercent()).isNull();
        assertThat(defaults.documentDiscountPercent()).isEqualByComparingTo("0");
        assertThat(defaults.legalNoteKey()).isNull();

        ClientTermsForm form = as(SALES, () -> terms.getForm(client));
        form.setTaxRegime(TaxRegime.EXEMPT);
        form.setExemptionNote("  Exenta por el art. 20.Uno.9º LIVA  ");
        form.setWithholdingPercent(new BigDecimal("15"));
        form.setDocumentDiscountPercent(new BigDecimal("3.5"));
        form.setClientGroup("talleres");
        ClientTerms saved = as(SALES, () -> terms.save(form));

        assertThat(saved.isDefault()).isFalse();
        assertThat(saved.taxRegime()).isEqualTo(TaxRegime.EXEMPT);
        assertThat(saved.exemptionNote()).isEqualTo("Exenta por el art. 20.Uno.9º LIVA");
        assertThat(saved.legalNoteKey()).as("the client's own note is printed").isNull();
        assertThat(saved.withholdingPercent()).isEqualByComparingTo("15");
        assertThat(saved.clientGroup()).isEqualTo("TALLERES");

        ClientTermsForm intraEu = as(SALES, () -> terms.getForm(client));
        intraEu.setTaxRegime(TaxRegime.INTRA_EU);
        ClientTerms moved = as(SALES, () -> terms.save(intraEu));
        assertThat(moved.exemptionNote())
                .as("only an exempt client keeps a note")
                .isNull();
        assertThat(moved.legalNoteKey()).isEqualTo("sales.legal.intra-eu");

        form.setTaxRegime(TaxRegime.EXPORT); // loaded before the last save: stale
        assertThatThrownBy(() -> as(SALES, () -> terms.save(form)))
                .isInstanceOfSatisfying(
                        SalesRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sales.pricing.error.changed-meanwhile"));
        assertThat(as(SALES, () -> terms.termsOf(client)).taxRegime()).isEqualTo(TaxRegime.INTRA_EU);
    }

    @Test
    void legal_notes_come_from_the_bundles_per_regime() {
        assertThat(ClientTermsService.legalNoteKey(TaxRegime.DOMESTIC)).isNull();
        assertThat(ClientTermsService.legalNoteKey(TaxRegime.EQUIVALENCE_SURCHARGE))
                .isEqualTo("sales.legal.equivalence-surcharge");
        assertThat(ClientTermsService.legalNoteKey(TaxRegime.EXEMPT)).isEqualTo("sales.legal.exempt");
        assertThat(ClientTermsService.legalNoteKey(TaxRegime.INTRA_EU)).isEqualTo("sales.legal.intra-eu");
        assertThat(ClientTermsService.legalNoteKey(TaxRegime.EXPORT)).isEqualTo("sales.legal.export");
        ClientTerms exemptWithoutNote =
                new ClientTerms(UUID.randomUUID(), TaxRegime.EXEMPT, null, null, null, null, BigDecimal.ZERO, null, 0L);
        assertThat(exemptWithoutNote.legalNoteKey()).isEqualTo("sales.legal.exempt");
    }

    @Test
    void invalid_terms_are_refused_and_read_only_users_cannot_save_them() {
        UUID client = client("Inválidas");
        ClientTermsForm form = as(SALES, () -> terms.getForm(client));
        form.setWithholdingPercent(new BigDecimal("150"));
        assertThatThrownBy(() -> as(SALES, () -> terms.save(form)))
                .isInstanceOfSatisfying(
                        SalesRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("sales.pricing.error.terms-invalid"));

        form.setWithholdingPercent(null);
        form.setSalespersonId(UUID.randomUUID());
        assertThatThrownBy(() -> as(SALES, () -> terms.save(form)))
                .isInstanceOfSatisfying(
                        SalesRuleException.class, e -> assertThat(e.field()).isEqualTo("salespersonId"));

        form.setSalespersonId(null);
        assertThatThrownBy(() -> as(AccountFixtures.READ_ONLY, () -> terms.save(form)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(AccountFixtures.READ_ONLY, () -> terms.termsOf(client)).isDefault())
                .isTrue();
    }

    @Test
    void another_tenant_gets_no_price_from_these_lists() {
        UUID own = list("Ajena", LocalDate.of(2026, 1, 1), null, false, null);
        UUID article = articles.article(null, "ud");
        price(own, article, "0", "5", "0");
        UUID client = client("Otro inquilino");
        assign(client, own, null);
        assertThat(quote(client, article, "1", DAY)).isPresent();

        assertThat(as("admin@northwind.nexo", () -> prices.priceFor(client, article, BigDecimal.ONE, DAY)))
                .isEmpty();
        assertThat(as("admin@northwind.nexo", () -> terms.termsOf(client)).isDefault())
                .isTrue();
    }
}
