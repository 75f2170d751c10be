package com.nexo.sales.pricing;

import static com.nexo.imports.TargetRuns.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.TargetRuns;
import com.nexo.imports.UndoOutcome;
import com.nexo.imports.jobs.ImportCentre;
import com.nexo.imports.jobs.ImportCounts;
import com.nexo.imports.jobs.ImportDraft;
import com.nexo.imports.jobs.ImportMapping;
import com.nexo.imports.jobs.ImportRequest;
import com.nexo.imports.jobs.ImportState;
import com.nexo.imports.jobs.ImportSummary;
import com.nexo.imports.jobs.RefusedRow;
import com.nexo.testing.LoggedIn;
import com.nexo.testing.NexoSpringTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Price lists' prices as an import target, against the real database as the demo tenant's
 * administrator: created, updated, unchanged and refused rows with the item row's rules, a file run
 * twice, undo (with an item changed later), another tenant, and a whole file through the import
 * centre.
 */
@NexoSpringTest
class PriceListImportTargetTest {

    private static final String ADMIN = ArticleFixtures.ADMIN;
    private static final String NORTHWIND_ADMIN = "admin@northwind.nexo";

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ArticleService articleService;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    @Autowired
    private PriceListService priceLists;

    @Autowired
    private PriceListImportTarget target;

    @Autowired
    private ImportCentre centre;

    private ArticleFixtures articles;
    private TargetRuns runs;

    @BeforeEach
    void setUp() {
        articles = new ArticleFixtures(users, articleService, categories, warehouses, units);
        runs = new TargetRuns(users, transactions, jdbc, ADMIN);
    }

    private <T> T as(String email, Supplier<T> work) {
        return LoggedIn.asUser(users, email, work);
    }

    private String list(String name, boolean archived) {
        PriceListForm form = new PriceListForm();
        form.setName(name + " " + articles.tag);
        form.setValidFrom(LocalDate.of(2026, 1, 1));
        UUID id = as(ADMIN, () -> priceLists.save(form));
        if (archived) {
            as(ADMIN, () -> {
                priceLists.archive(id);
                return null;
            });
        }
        return form.getName();
    }

    private UUID listId(String name) {
        return runs.query("SELECT id FROM sales_price_list WHERE name = :name", Map.of("name", name), UUID.class);
    }

    private String codeOf(UUID article) {
        return runs.query("SELECT code FROM article WHERE id = :id", Map.of("id", article), String.class);
    }

    private List<RowOutcome> apply(boolean write, List<Map<String, Object>> rows) {
        return runs.apply(target, PriceListImportTarget.ARTICLE, write, rows);
    }

    private static Map<String, Object> price(String list, String article, String from, String price, String discount) {
        return row(
                PriceListImportTarget.LIST,
                list,
                PriceListImportTarget.ARTICLE,
                article,
                PriceListImportTarget.MIN_QUANTITY,
                from == null ? null : new BigDecimal(from),
                PriceListImportTarget.PRICE,
                price == null ? null : new BigDecimal(price),
                PriceListImportTarget.DISCOUNT,
                discount == null ? null : new BigDecimal(discount));
    }

    /** The items of a list as "code from price discount" (numbers without trailing zeros), sorted. */
    private List<String> items(String list) {
        UUID id = listId(list);
        List<String> found = new ArrayList<>();
        as(ADMIN, () -> priceLists.items(id, null, null, 100))
                .rows()
                .forEach(item -> found.add(item.articleCode()
                        + " " + item.minQuantity().stripTrailingZeros().toPlainString()
                        + " " + item.unitPrice().stripTrailingZeros().toPlainString()
                        + " " + item.discountPercent().stripTrailingZeros().toPlainString()));
        found.sort(null);
        return found;
    }

    @Test
    void prices_are_created_updated_left_unchanged_and_refused_by_the_item_rules() {
        String tariff = list("Tarifa importada", false);
        String archived = list("Tarifa archivada", true);
        String a = codeOf(articles.article(null, "ud"));
        String b = codeOf(articles.article(null, "ud"));

        List<Map<String, Object>> file = List.of(
                price(tariff, a, null, "10.5", null),
                // The list's name in other capitals: names are unique whatever their case.
                price(tariff.toUpperCase(java.util.Locale.ROOT), a, "10", "9", "5"));
        List<RowOutcome> dry = apply(false, file);
        assertThat(dry).extracting(RowOutcome::action).containsExactly(RowAction.CREATED, RowAction.CREATED);
        assertThat(items(tariff)).as("a dry run writes nothing").isEmpty();

        List<RowOutcome> first = apply(true, file);
        assertThat(first).extracting(RowOutcome::action).containsExactly(RowAction.CREATED, RowAction.CREATED);
        assertThat(first).extracting(RowOutcome::entityId).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(items(tariff)).containsExactlyInAnyOrder(a + " 0 10.5 0", a + " 10 9 5");

        List<RowOutcome> second = apply(
                true,
                List.of(
                        price(tariff, a, "0.000", "10.5000", null),
                        // No discount in the row: the item keeps its 5 %.
                        price(tariff, a, "10", "8.75", null),
                        price("No existe " + articles.tag, a, null, "1", null),
                        price(archived, a, null, "1", null),
                        price(tariff, "NO-SUCH-" + articles.tag, null, "1", null),
                        price(tariff, b, null, "-1", null),
                        price(tariff, b, null, "5", "150"),
                        price(tariff, b, "2", "3", null),
                        price(tariff, b, "2.0", "4", null)));
        assertThat(second)
                .extracting(RowOutcome::action)
                .containsExactly(
                        RowAction.UNCHANGED,
                        RowAction.UPDATED,
                        RowAction.REFUSED,
                        RowAction.REFUSED,
                        RowAction.REFUSED,
                        RowAction.REFUSED,
                        RowAction.REFUSED,
                        RowAction.CREATED,
                        RowAction.REFUSED);
        assertThat(second.stream()
                        .filter(o -> o.action() == RowAction.REFUSED)
                        .map(o -> o.refusal().field() + ":" + o.refusal().messageKey()
                                + o.refusal().args()))
                .containsExactly(
                        "priceList:imports.price-lists.error.list-unknown[No existe " + articles.tag + "]",
                        "priceList:imports.price-lists.error.list-archived[" + archived + "]",
                        "article:imports.price-lists.error.article-unknown[NO-SUCH-" + articles.tag + "]",
                        "unitPrice:sales.pricing.validation.price[]",
                        "discount:sales.pricing.validation.percent[]",
                        "minQuantity:imports.price-lists.error.item-repeated[9]");
        assertThat(second.get(0).entityId()).isEqualTo(first.get(0).entityId());
        assertThat(items(tariff)).containsExactlyInAnyOrder(a + " 0 10.5 0", a + " 10 8.75 5", b + " 2 3 0");

        List<RowOutcome> again = apply(
                true,
                List.of(
                        price(tariff, a, null, "10.5", null),
                        price(tariff, a, "10", "8.75", "5"),
                        price(tariff, b, "2", "3", "0")));
        assertThat(again)
                .as("the same prices again")
                .extracting(RowOutcome::action)
                .containsOnly(RowAction.UNCHANGED);
    }

    @Test
    void undo_deletes_created_prices_restores_updated_ones_and_leaves_prices_changed_later() {
        String tariff = list("Tarifa deshacer", false);
        String a = codeOf(articles.article(null, "ud"));
        String b = codeOf(articles.article(null, "ud"));
        apply(true, List.of(price(tariff, a, null, "20", "10")));

        List<RowOutcome> imported = apply(
                true,
                List.of(
                        price(tariff, a, null, "22", null),
                        price(tariff, b, null, "7", null),
                        price(tariff, b, "100", "6", null)));
        assertThat(imported)
                .extracting(RowOutcome::action)
                .containsExactly(RowAction.UPDATED, RowAction.CREATED, RowAction.CREATED);
        assertThat(imported).extracting(RowOutcome::versionAfter).doesNotContainNull();

        // Someone edits one of the created prices in the list's screen afterwards.
        UUID list = listId(tariff);
        PriceListItemRow edited = as(ADMIN, () -> priceLists.items(list, null, null, 100)).rows().stream()
                .filter(item ->
                        item.articleCode().equals(b) && item.minQuantity().signum() > 0)
                .findFirst()
                .orElseThrow();
        as(
                ADMIN,
                () -> priceLists.saveItem(
                        list,
                        new PriceListItemForm(
                                edited.id(),
                                edited.version(),
                                edited.articleId(),
                                edited.minQuantity(),
                                new BigDecimal("5.5"),
                                edited.discountPercent())));

        List<UndoOutcome> preview = runs.undo(target, imported, false, false);
        assertThat(preview)
                .extracting(UndoOutcome::result)
                .containsExactly(
                        UndoOutcome.Result.RESTORED, UndoOutcome.Result.DELETED, UndoOutcome.Result.CHANGED_LATER);
        assertThat(items(tariff)).as("a preview changes nothing").hasSize(3);

        runs.undo(target, imported, false, true);
        assertThat(items(tariff)).containsExactlyInAnyOrder(a + " 0 20 10", b + " 100 5.5 0");

        assertThat(runs.undo(target, imported, true, true))
                .extracting(UndoOutcome::result)
                .as("undone again, with the later change included")
                .containsExactly(UndoOutcome.Result.RESTORED, UndoOutcome.Result.GONE, UndoOutcome.Result.DELETED);
        assertThat(items(tariff)).containsExactlyInAnyOrder(a + " 0 20 10");
    }

    @Test
    void another_tenant_cannot_price_this_tenants_lists() {
        String tariff = list("Tarifa ajena", false);
        String a = codeOf(articles.article(null, "ud"));

        List<RowOutcome> northwind = runs.as(NORTHWIND_ADMIN)
                .apply(target, PriceListImportTarget.ARTICLE, true, List.of(price(tariff, a, null, "1", null)));
        assertThat(northwind).extracting(RowOutcome::action).containsExactly(RowAction.REFUSED);
        assertThat(northwind.get(0).refusal().messageKey()).isEqualTo("imports.price-lists.error.list-unknown");
        assertThat(items(tariff)).isEmpty();
    }

    @Test
    void a_file_of_prices_runs_through_the_import_centre() {
        String tariff = list("Tarifa por archivo", false);
        String a = codeOf(articles.article(null, "ud"));
        String b = codeOf(articles.article(null, "ud"));
        String csv = "Tarifa;Referencia;Desde cantidad;Precio;Dto\r\n"
                + tariff + ";" + a + ";;12,50;\r\n"
                + tariff + ";" + a + ";50;11,25;2,5\r\n"
                + tariff + ";" + b + ";;1.234,5;\r\n"
                + "Otra " + articles.tag + ";" + b + ";;3;\r\n";

        ImportDraft draft = as(ADMIN, () -> {
            try {
                return centre.upload("tarifa.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ImportMapping mapping =
                as(ADMIN, () -> centre.propose(draft.importId(), PriceListImportTarget.ID, draft.settings()));
        assertThat(mapping.fieldPerColumn())
                .containsExactly("priceList", "article", "minQuantity", "unitPrice", "discount");
        ImportRequest request = new ImportRequest(PriceListImportTarget.ID, draft.settings(), mapping, "article");

        as(ADMIN, () -> {
            centre.start(draft.importId(), request);
            return null;
        });
        ImportSummary done = await(draft.importId());
        assertThat(done.state()).as("state (failure: %s)", done.failure()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(3, 0, 0, 1));
        assertThat(items(tariff)).containsExactlyInAnyOrder(a + " 0 12.5 0", a + " 50 11.25 2.5", b + " 0 1234.5 0");
        List<RefusedRow> refused = as(ADMIN, () -> centre.refusals(draft.importId(), 0, 10));
        assertThat(refused).extracting(RefusedRow::line).containsExactly(5L);

        as(ADMIN, () -> {
            centre.undo(draft.importId(), false);
            return null;
        });
        assertThat(await(draft.importId()).state()).isEqualTo(ImportState.UNDONE);
        assertThat(items(tariff)).isEmpty();
    }

    private ImportSummary await(UUID id) {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            ImportSummary summary = as(ADMIN, () -> centre.find(id).orElseThrow());
            if (!summary.running()) {
                return summary;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not end");
    }
}
