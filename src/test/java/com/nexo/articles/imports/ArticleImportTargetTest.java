package com.nexo.articles.imports;

import static com.nexo.imports.TargetRuns.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.catalogue.Ean13;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.imports.RowAction;
import com.nexo.imports.RowOutcome;
import com.nexo.imports.TargetRuns;
import com.nexo.imports.UndoOutcome;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalogue's import target against the real database, as the demo tenant's administrator
 * (application role, row-level security): create, update, unchanged, dry run, category paths,
 * refusals, undo, and another tenant's import.
 */
@NexoSpringTest
class ArticleImportTargetTest {

    private static final String NORTHWIND_ADMIN = "admin@northwind.nexo";
    private static final AtomicLong BARCODES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    private UserDetailsService users;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ArticleService articles;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    @Autowired
    private StockService stock;

    @Autowired
    private StockCountService counts;

    @Autowired
    private ArticleImportTarget target;

    private ArticleFixtures fixtures;
    private TargetRuns runs;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
        runs = new TargetRuns(users, transactions, jdbc, ArticleFixtures.ADMIN);
    }

    private String code(String suffix) {
        return "IMP-" + fixtures.tag + "-" + suffix;
    }

    private static String barcode() {
        return Ean13.complete(String.format("84%010d", BARCODES.incrementAndGet() % 10_000_000_000L));
    }

    private List<RowOutcome> apply(boolean write, List<Map<String, Object>> rows) {
        return runs.apply(target, ArticleImportTarget.CODE, write, rows);
    }

    private ArticleForm form(String code) {
        UUID id = idOf(code);
        return id == null ? null : fixtures.asAdmin(() -> articles.getForm(id));
    }

    private UUID idOf(String code) {
        return runs.query("SELECT id FROM article WHERE code = :code", Map.of("code", code), UUID.class);
    }

    private long categoriesNamed(String name) {
        return runs.query(
                "SELECT count(*) FROM article_category WHERE name_es = :name", Map.of("name", name), Long.class);
    }

    @Test
    void new_codes_are_created_changed_values_updated_and_the_same_values_left_unchanged() {
        String a = code("A");
        String b = code("B");
        List<RowOutcome> first = apply(
                true,
                List.of(
                        row("code", a, "name", "Martillo", "salePrice", new BigDecimal("12.5"), "unit", "ud"),
                        row("code", b, "name", "Destornillador", "kind", "service", "cost", new BigDecimal("3"))));

        assertThat(first).extracting(RowOutcome::action).containsExactly(RowAction.CREATED, RowAction.CREATED);
        assertThat(first).extracting(RowOutcome::versionAfter).containsExactly(0L, 0L);
        assertThat(first.getFirst().entityId()).isEqualTo(idOf(a));
        ArticleForm created = form(a);
        assertThat(created.nameEs()).isEqualTo("Martillo");
        assertThat(created.nameEn()).isEqualTo("Martillo");
        assertThat(created.salePrice()).isEqualByComparingTo("12.5");
        assertThat(created.taxRate()).isEqualByComparingTo("21");
        assertThat(created.stockTracked()).isTrue();
        // A service keeps no stock, as in the form.
        assertThat(form(b).stockTracked()).isFalse();

        List<RowOutcome> second = apply(
                true,
                List.of(
                        row("code", a, "name", "Martillo", "salePrice", new BigDecimal("14.00")),
                        row("code", b, "name", "Destornillador", "cost", new BigDecimal("3.0000"))));

        assertThat(second).extracting(RowOutcome::action).containsExactly(RowAction.UPDATED, RowAction.UNCHANGED);
        assertThat(second.getFirst().versionAfter()).isEqualTo(1L);
        assertThat(second.getFirst().undoData()).isEqualTo("{\"sale_price\":\"12.5000\"}");
        ArticleForm updated = form(a);
        assertThat(updated.version()).isEqualTo(1L);
        assertThat(updated.salePrice()).isEqualByComparingTo("14");
        // Fields the file does not map keep their values.
        assertThat(updated.cost()).isEqualByComparingTo(created.cost());
        assertThat(form(b).version()).isZero();
    }

    @Test
    void a_dry_run_tells_the_same_outcomes_and_writes_nothing() {
        String existing = code("D1");
        apply(true, List.of(row("code", existing, "name", "Llave inglesa")));
        String root = "Raíz " + fixtures.tag;
        List<Map<String, Object>> rows = List.of(
                row("code", existing, "name", "Llave inglesa", "category", root + "/Llaves"),
                row("code", code("D2"), "name", "Alicates"),
                row("code", code("D3"), "name", "Tenazas", "unit", "barril"));

        List<RowOutcome> dry = apply(false, rows);

        assertThat(dry)
                .extracting(RowOutcome::action)
                .containsExactly(RowAction.UPDATED, RowAction.CREATED, RowAction.REFUSED);
        assertThat(idOf(code("D2"))).isNull();
        assertThat(form(existing).version()).isZero();
        assertThat(categoriesNamed(root)).isZero();

        List<RowOutcome> real = apply(true, rows);
        assertThat(real)
                .extracting(RowOutcome::action)
                .containsExactlyElementsOf(dry.stream().map(RowOutcome::action).toList());
        assertThat(categoriesNamed(root)).isOne();
    }

    @Test
    void a_category_path_is_created_once_for_many_rows_and_found_again_by_name() {
        String root = "Herramientas " + fixtures.tag;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row("code", code("C" + i), "name", "Artículo " + i, "category", root + "/Manuales/Martillos"));
        }
        rows.add(row("code", code("C-E"), "name", "Taladro", "category", root + " / Eléctricas"));

        List<RowOutcome> outcomes = apply(true, rows);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.CREATED));
        assertThat(categoriesNamed(root)).isOne();
        assertThat(categoriesNamed("Manuales")).isGreaterThanOrEqualTo(1);
        UUID hammers = form(code("C0")).categoryId();
        assertThat(form(code("C39")).categoryId()).isEqualTo(hammers);
        assertThat(fixtures.asAdmin(() -> categories.ancestry(hammers)))
                .extracting(node -> node.nameEs())
                .containsExactly(root, "Manuales", "Martillos");
        UUID electric = form(code("C-E")).categoryId();
        assertThat(fixtures.asAdmin(() -> categories.ancestry(electric))
                        .getFirst()
                        .id())
                .isEqualTo(fixtures.asAdmin(() -> categories.ancestry(hammers))
                        .getFirst()
                        .id());

        // Another import finds the same categories by name, in any case and without accents.
        List<RowOutcome> again = apply(
                true,
                List.of(row(
                        "code", code("C-X"), "name", "Maza", "category", root.toUpperCase() + "/manuales/MARTILLOS")));
        assertThat(again.getFirst().action()).isEqualTo(RowAction.CREATED);
        assertThat(form(code("C-X")).categoryId()).isEqualTo(hammers);
        assertThat(categoriesNamed(root)).isOne();
    }

    @Test
    void rows_that_break_the_forms_rules_are_refused_with_their_field_and_message() {
        String taken = code("R0");
        String takenBarcode = barcode();
        apply(true, List.of(row("code", taken, "name", "Con código de barras", "barcode", takenBarcode)));

        List<RowOutcome> outcomes = apply(
                true,
                List.of(
                        row("code", "-bad code", "name", "x"),
                        row("code", code("R1"), "name", "x", "barcode", "1234567890123"),
                        row("code", code("R2"), "name", "x", "unit", "barril"),
                        row("code", code("R3"), "name", "x", "kind", "service", "stockTracked", true),
                        row("code", code("R4"), "name", "x", "category", "Uno//Dos"),
                        row("code", code("R5"), "name", "x", "barcode", takenBarcode),
                        row("code", code("R6"), "name", "x", "salePrice", new BigDecimal("-1")),
                        row("code", code("R7"), "name", "x", "taxRate", new BigDecimal("121")),
                        row("code", code("R8"), "name", "ok")));

        assertThat(outcomes.subList(0, 8))
                .allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.REFUSED));
        assertThat(outcomes.subList(0, 8))
                .extracting(o -> o.refusal().field() + " " + o.refusal().messageKey())
                .containsExactly(
                        "code articles.validation.code-format",
                        "barcode articles.error.barcode-invalid",
                        "unit imports.articles.error.unit-unknown",
                        "stockTracked articles.error.service-stocked",
                        "category imports.articles.error.category-path",
                        "barcode articles.error.barcode-taken",
                        "salePrice articles.validation.not-negative",
                        "taxRate articles.validation.tax-rate");
        assertThat(outcomes.get(2).refusal().args()).containsExactly("barril");
        assertThat(outcomes.get(5).refusal().args()).containsExactly(taken);
        assertThat(outcomes.get(8).action()).isEqualTo(RowAction.CREATED);
        assertThat(idOf(code("R1"))).isNull();

        // By barcode: a new barcode needs a code, and a known barcode's article keeps its code.
        List<RowOutcome> byBarcode = new ArrayList<>();
        for (Map<String, Object> row : List.of(
                row("barcode", barcode(), "name", "Sin código"),
                row("barcode", takenBarcode, "code", code("OTHER"), "name", "x"),
                row("barcode", takenBarcode, "name", "Renombrado"))) {
            byBarcode.addAll(runs.apply(target, ArticleImportTarget.BARCODE_FIELD, true, List.of(row)));
        }
        assertThat(byBarcode)
                .extracting(o ->
                        o.refusal() == null ? o.action().name() : o.refusal().messageKey())
                .containsExactly("imports.articles.error.code-required", "articles.error.code-fixed", "UPDATED");
        assertThat(form(taken).nameEs()).isEqualTo("Renombrado");
    }

    @Test
    void the_same_batch_twice_leaves_every_row_unchanged_the_second_time() {
        String root = "Dos veces " + fixtures.tag;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row(
                    "code",
                    code("T" + i),
                    "name",
                    "Artículo " + i,
                    "nameEn",
                    "Article " + i,
                    "description",
                    "Descripción " + i,
                    "category",
                    root + "/Sub " + (i % 3),
                    "unit",
                    i % 2 == 0 ? "ud" : "kg",
                    "kind",
                    i % 5 == 0 ? "input" : "goods",
                    "salePrice",
                    new BigDecimal("1.5").multiply(BigDecimal.valueOf(i)),
                    "cost",
                    new BigDecimal("0.75"),
                    "taxRate",
                    new BigDecimal("10"),
                    "barcode",
                    barcode(),
                    "stockTracked",
                    true,
                    "active",
                    true));
        }
        assertThat(apply(true, rows)).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.CREATED));

        List<RowOutcome> again = apply(true, rows);

        assertThat(again).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.UNCHANGED));
        assertThat(again).extracting(RowOutcome::entityId).doesNotContainNull();
        assertThat(form(code("T3")).version()).isZero();
    }

    @Test
    void undo_deletes_created_articles_restores_updated_ones_and_leaves_those_changed_later() {
        UUID warehouse = fixtures.warehouse(false);
        String updatedLater = code("U0");
        String restored = code("U1");
        apply(
                true,
                List.of(
                        row("code", updatedLater, "name", "Antes", "salePrice", new BigDecimal("5")),
                        row("code", restored, "name", "Antes", "cost", new BigDecimal("2"))));
        String plain = code("U2");
        String moved = code("U3");
        String editedLater = code("U4");
        List<RowOutcome> imported = apply(
                true,
                List.of(
                        row("code", plain, "name", "Nuevo"),
                        row("code", moved, "name", "Con movimientos"),
                        row("code", editedLater, "name", "Editado después"),
                        row(
                                "code",
                                restored,
                                "name",
                                "Después",
                                "cost",
                                new BigDecimal("4"),
                                "taxRate",
                                BigDecimal.TEN),
                        row("code", updatedLater, "name", "Después")));
        assertThat(imported)
                .extracting(RowOutcome::action)
                .containsExactly(
                        RowAction.CREATED, RowAction.CREATED, RowAction.CREATED, RowAction.UPDATED, RowAction.UPDATED);

        // Someone receives stock of one new article and edits two others after the import.
        UUID movedId = idOf(moved);
        fixtures.asAdmin(() -> stock.receive(StockEntry.of(movedId, warehouse, BigDecimal.ONE, "first delivery")));
        for (String edited : List.of(editedLater, updatedLater)) {
            ArticleForm form = form(edited);
            fixtures.asAdmin(() -> {
                articles.update(withName(form, "Cambiado a mano"));
                return null;
            });
        }

        List<UndoOutcome> preview = runs.undo(target, imported, false, false);
        assertThat(preview)
                .extracting(UndoOutcome::result)
                .containsExactly(
                        UndoOutcome.Result.DELETED,
                        UndoOutcome.Result.ARCHIVED,
                        UndoOutcome.Result.CHANGED_LATER,
                        UndoOutcome.Result.RESTORED,
                        UndoOutcome.Result.CHANGED_LATER);
        assertThat(idOf(plain)).isNotNull();

        List<UndoOutcome> undone = runs.undo(target, imported, false, true);

        assertThat(undone)
                .extracting(UndoOutcome::result)
                .containsExactlyElementsOf(
                        preview.stream().map(UndoOutcome::result).toList());
        assertThat(idOf(plain)).isNull();
        assertThat(fixtures.asAdmin(() -> articles.loadArticle(movedId)).archived())
                .isTrue();
        ArticleForm back = form(restored);
        assertThat(back.nameEs()).isEqualTo("Antes");
        assertThat(back.cost()).isEqualByComparingTo("2");
        assertThat(back.taxRate()).isEqualByComparingTo("21");
        assertThat(form(editedLater).nameEs()).isEqualTo("Cambiado a mano");
        assertThat(form(updatedLater).nameEs()).isEqualTo("Cambiado a mano");

        // Confirmed, the changed ones are undone too; the gone one is told so.
        List<UndoOutcome> confirmed = runs.undo(target, imported, true, true);
        assertThat(confirmed)
                .extracting(UndoOutcome::result)
                .containsExactly(
                        UndoOutcome.Result.GONE,
                        UndoOutcome.Result.ARCHIVED,
                        UndoOutcome.Result.DELETED,
                        UndoOutcome.Result.RESTORED,
                        UndoOutcome.Result.RESTORED);
        assertThat(idOf(editedLater)).isNull();
        assertThat(form(updatedLater).nameEs()).isEqualTo("Antes");
    }

    @Test
    void undo_archives_instead_of_deleting_the_new_articles_something_else_refers_to_now() {
        UUID warehouse = fixtures.warehouse(false);
        String counted = "Contadas " + fixtures.tag;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(row("code", code("K" + i), "name", "Artículo " + i, "category", i % 3 == 0 ? counted : null));
        }
        List<RowOutcome> imported = apply(true, rows);
        // A count of the category refers to its articles (K0, K3, K6) without moving any stock.
        UUID category = form(code("K0")).categoryId();
        fixtures.asAdmin(() -> counts.startCount(warehouse, category));

        List<UndoOutcome> preview = runs.undo(target, imported, false, false);
        List<UndoOutcome> undone = runs.undo(target, imported, false, true);

        List<UndoOutcome.Result> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(i % 3 == 0 ? UndoOutcome.Result.ARCHIVED : UndoOutcome.Result.DELETED);
        }
        assertThat(preview).extracting(UndoOutcome::result).containsExactlyElementsOf(expected);
        assertThat(undone).extracting(UndoOutcome::result).containsExactlyElementsOf(expected);
        assertThat(idOf(code("K1"))).isNull();
        UUID kept = idOf(code("K3"));
        assertThat(fixtures.asAdmin(() -> articles.loadArticle(kept)).archived())
                .isTrue();
    }

    private static ArticleForm withName(ArticleForm form, String name) {
        return new ArticleForm(
                form.id(),
                form.version(),
                form.code(),
                form.kind(),
                name,
                form.nameEn(),
                form.descriptionEs(),
                form.descriptionEn(),
                form.categoryId(),
                form.unitId(),
                form.barcode(),
                form.salePrice(),
                form.cost(),
                form.taxRate(),
                form.defaultSupplierId(),
                form.stockTracked());
    }

    @Test
    void another_tenant_imports_into_its_own_catalogue_only() {
        String shared = code("N0");
        List<RowOutcome> demo =
                apply(true, List.of(row("code", shared, "name", "Demo", "category", "Demo " + fixtures.tag)));
        TargetRuns northwind = runs.as(NORTHWIND_ADMIN);

        List<RowOutcome> theirs = northwind.apply(
                target,
                ArticleImportTarget.CODE,
                true,
                List.of(row("code", shared, "name", "Northwind", "category", "Demo " + fixtures.tag)));

        // The same code is a new article there, under a category of its own.
        assertThat(theirs.getFirst().action()).isEqualTo(RowAction.CREATED);
        assertThat(theirs.getFirst().entityId()).isNotEqualTo(demo.getFirst().entityId());
        assertThat(form(shared).nameEs()).isEqualTo("Demo");
        assertThat(categoriesNamed("Demo " + fixtures.tag)).isOne();
        assertThat(northwind.query(
                        "SELECT name_es FROM article WHERE code = :code", Map.of("code", shared), String.class))
                .isEqualTo("Northwind");

        // Undoing the demo tenant's import from Northwind finds nothing to undo.
        assertThat(northwind.undo(target, demo, true, true))
                .extracting(UndoOutcome::result)
                .containsExactly(UndoOutcome.Result.GONE);
        assertThat(idOf(shared)).isEqualTo(demo.getFirst().entityId());
    }

    @Test
    void prints_the_time_of_a_batch_of_five_thousand_new_articles_and_of_the_same_batch_unchanged() {
        String root = "Volumen " + fixtures.tag;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(row(
                    "code", code("V" + i),
                    "name", "Artículo de volumen " + i,
                    "category", root + "/Familia " + (i % 50) + "/Sub " + (i % 7),
                    "unit", "ud",
                    "salePrice", BigDecimal.valueOf(i, 2),
                    "cost", BigDecimal.valueOf(i, 3),
                    "barcode", barcode()));
        }
        long start = System.nanoTime();
        List<RowOutcome> created = apply(true, rows);
        long createdMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        List<RowOutcome> unchanged = apply(true, rows);
        long unchangedMs = (System.nanoTime() - start) / 1_000_000;
        List<Map<String, Object>> repriced = rows.stream()
                .map(r -> {
                    Map<String, Object> copy = new java.util.HashMap<>(r);
                    copy.put("salePrice", ((BigDecimal) r.get("salePrice")).add(BigDecimal.ONE));
                    copy.put("cost", ((BigDecimal) r.get("cost")).add(BigDecimal.ONE));
                    return copy;
                })
                .toList();
        start = System.nanoTime();
        List<RowOutcome> updated = apply(true, repriced);
        long updatedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(created).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.CREATED));
        assertThat(unchanged).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.UNCHANGED));
        assertThat(updated).allSatisfy(o -> assertThat(o.action()).isEqualTo(RowAction.UPDATED));
        System.out.printf(
                "articles import, 5,000 rows in one batch (a new three-level category tree): created %d ms, unchanged %d ms,"
                        + " updated with cost history %d ms%n",
                createdMs, unchangedMs, updatedMs);
    }
}
