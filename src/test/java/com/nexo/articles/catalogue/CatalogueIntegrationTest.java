package com.nexo.articles.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nexo.articles.ArticleFixtures;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.categories.CategoryTreeNode;
import com.nexo.articles.units.UnitService;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.paging.Page;
import com.nexo.testing.NexoSpringTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The catalogue and the category tree through the services, on the real database. */
@NexoSpringTest
class CatalogueIntegrationTest {

    @Autowired
    private UserDetailsService users;

    @Autowired
    private ArticleService articles;

    @Autowired
    private CategoryService categories;

    @Autowired
    private WarehouseService warehouses;

    @Autowired
    private UnitService units;

    @Autowired
    private ArticleListService lists;

    @Autowired
    private com.nexo.accounts.AccountDirectory accounts;

    private ArticleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ArticleFixtures(users, articles, categories, warehouses, units);
    }

    private List<UUID> subtree(UUID categoryId) {
        return fixtures.asAdmin(() -> articles.listArticles(ArticleQuery.inCategory(categoryId), 0, 100)).stream()
                .map(ArticleRow::id)
                .toList();
    }

    @Test
    void a_category_lists_the_articles_of_its_whole_subtree() {
        UUID tools = fixtures.category(null, "Herramientas");
        UUID hand = fixtures.category(tools, "Manuales");
        UUID screwdrivers = fixtures.category(hand, "Destornilladores");
        UUID power = fixtures.category(tools, "Eléctricas");
        UUID hammer = fixtures.article(hand, "ud");
        UUID screwdriver = fixtures.article(screwdrivers, "ud");
        UUID drill = fixtures.article(power, "ud");
        UUID loose = fixtures.article(tools, "ud");

        assertThat(subtree(tools)).containsExactlyInAnyOrder(hammer, screwdriver, drill, loose);
        assertThat(subtree(hand)).containsExactlyInAnyOrder(hammer, screwdriver);
        assertThat(subtree(screwdrivers)).containsExactly(screwdriver);
        assertThat(fixtures.asAdmin(
                        () -> lists.count(ArticleQuery.inCategory(tools)).value()))
                .isEqualTo(4);
    }

    @Test
    void the_list_reads_keyset_pages_in_each_offered_order_and_counts_exactly() {
        UUID category = fixtures.category(null, "Páginas");
        List<UUID> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(fixtures.article(category, "ud"));
        }
        ArticleQuery query = ArticleQuery.inCategory(category);

        List<ArticleRow> byCode = new java.util.ArrayList<>();
        com.nexo.base.paging.PageCursor after = null;
        int pages = 0;
        do {
            com.nexo.base.paging.PageCursor from = after;
            Page<ArticleRow> page = fixtures.asAdmin(
                    () -> lists.page(query, com.nexo.base.paging.Sort.ascending(ArticleOrder.CODE), from, 2));
            byCode.addAll(page.rows());
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(byCode).extracting(ArticleRow::id).containsExactlyInAnyOrderElementsOf(created);
        assertThat(byCode).extracting(ArticleRow::code).isSorted();
        Page<ArticleRow> lastByName = fixtures.asAdmin(
                () -> lists.page(query, com.nexo.base.paging.Sort.descending(ArticleOrder.NAME_ES), null, 1));
        assertThat(lastByName.rows())
                .extracting(ArticleRow::code)
                .containsExactly(byCode.getLast().code());
        assertThat(fixtures.asAdmin(() -> lists.count(query))).satisfies(count -> {
            assertThat(count.exact()).isTrue();
            assertThat(count.value()).isEqualTo(5);
        });
    }

    @Test
    void the_category_lookup_pages_through_matches_of_code_or_name_ignoring_accents() {
        UUID lathes = fixtures.category(null, "Tornería Ñandú " + fixtures.tag);
        fixtures.category(lathes, "Otra cosa " + fixtures.tag);

        List<CategoryNode> found =
                fixtures.asAdmin(() -> categories.lookup("torneria nandu " + fixtures.tag.toLowerCase(), 0, 10));
        assertThat(found).extracting(CategoryNode::id).containsExactly(lathes);
        assertThat(fixtures.asAdmin(() -> categories.lookup(fixtures.tag, 0, 10)))
                .hasSize(2);
        assertThat(fixtures.asAdmin(() -> categories.lookup(fixtures.tag, 1, 10)))
                .hasSize(1);
        Page<CategoryNode> firstOfTwo = fixtures.asAdmin(() -> categories.lookup(fixtures.tag, null, 1));
        assertThat(firstOfTwo.rows()).hasSize(1);
        assertThat(fixtures.asAdmin(() -> categories.lookup(fixtures.tag, firstOfTwo.next(), 1))
                        .rows())
                .hasSize(1)
                .doesNotContainAnyElementsOf(firstOfTwo.rows());
        assertThat(fixtures.asAdmin(() -> categories.lookup("100%_" + fixtures.tag, 0, 10)))
                .isEmpty();
        assertThat(fixtures.asAdmin(() -> categories.findCategory(lathes)))
                .hasValueSatisfying(node -> assertThat(node.code()).startsWith("C"));
    }

    @Test
    void moving_a_branch_takes_its_descendants_and_their_articles_along() {
        UUID a = fixtures.category(null, "A");
        UUID b = fixtures.category(null, "B");
        UUID a1 = fixtures.category(a, "A1");
        UUID a11 = fixtures.category(a1, "A11");
        UUID deep = fixtures.article(a11, "ud");

        int moved = fixtures.asAdmin(() -> categories.move(a1, b));

        assertThat(moved).isEqualTo(2);
        assertThat(subtree(a)).doesNotContain(deep);
        assertThat(subtree(b)).containsExactly(deep);
        CategoryNode movedNode = node(a1);
        CategoryNode child = node(a11);
        assertThat(movedNode.parentId()).isEqualTo(b);
        assertThat(movedNode.depth()).isEqualTo(1);
        assertThat(child.parentId()).isEqualTo(a1);
        assertThat(child.depth()).isEqualTo(2);

        fixtures.asAdmin(() -> categories.move(a1, null));
        assertThat(node(a11).depth()).isEqualTo(1);
        assertThat(subtree(b)).isEmpty();
    }

    @Test
    void a_category_cannot_move_under_itself_or_its_descendants() {
        UUID a = fixtures.category(null, "A");
        UUID a1 = fixtures.category(a, "A1");
        UUID a11 = fixtures.category(a1, "A11");

        assertThatThrownBy(() -> fixtures.asAdmin(() -> categories.move(a, a11)))
                .hasMessage("articles.error.category-cycle");
        assertThatThrownBy(() -> fixtures.asAdmin(() -> categories.move(a, a)))
                .hasMessage("articles.error.category-cycle");
        assertThat(node(a).parentId()).isNull();
    }

    @Test
    void the_tree_is_read_one_level_at_a_time_by_code_with_each_node_s_number_of_children() {
        UUID root = fixtures.category(null, "Raíz");
        List<UUID> level = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            level.add(fixtures.category(root, "Hija " + i));
        }
        fixtures.category(level.get(2), "Nieta a");
        fixtures.category(level.get(2), "Nieta b");

        Page<CategoryTreeNode> first = fixtures.asAdmin(() -> categories.children(root, null, 3));
        List<CategoryTreeNode> firstPage = first.rows();
        Page<CategoryTreeNode> second = fixtures.asAdmin(() -> categories.children(root, first.next(), 3));
        List<CategoryTreeNode> secondPage = second.rows();
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(secondPage).hasSize(2);

        assertThat(firstPage).extracting(CategoryTreeNode::code).isSorted();
        assertThat(firstPage).extracting(CategoryTreeNode::parentId).containsOnly(root);
        assertThat(java.util.stream.Stream.concat(firstPage.stream(), secondPage.stream())
                        .map(CategoryTreeNode::id))
                .containsExactlyInAnyOrderElementsOf(level);
        assertThat(firstPage.get(2).id()).isEqualTo(level.get(2));
        assertThat(firstPage.get(2).childCount()).isEqualTo(2);
        assertThat(firstPage.get(2).depth()).isEqualTo(1);
        assertThat(firstPage.get(0).hasChildren()).isFalse();
        assertThat(fixtures.asAdmin(() -> categories.countChildren(root))).isEqualTo(5);
        assertThat(fixtures.asAdmin(() -> categories.countChildren(level.get(0))))
                .isZero();
    }

    @Test
    void the_roots_are_the_categories_without_a_parent_and_a_moved_branch_is_counted_under_its_new_parent() {
        UUID a = fixtures.category(null, "A");
        UUID b = fixtures.category(null, "B");
        UUID a1 = fixtures.category(a, "A1");
        int roots = fixtures.asAdmin(() -> categories.countChildren(null));

        List<CategoryTreeNode> allRoots = fixtures.asAdmin(
                () -> categories.children(null, null, roots + 10).rows());
        assertThat(allRoots)
                .hasSize(roots)
                .extracting(CategoryTreeNode::id)
                .contains(a, b)
                .doesNotContain(a1);
        assertThat(allRoots).extracting(CategoryTreeNode::parentId).containsOnlyNulls();

        fixtures.asAdmin(() -> categories.move(a1, b));

        assertThat(fixtures.asAdmin(() -> categories.countChildren(a))).isZero();
        assertThat(fixtures.asAdmin(() -> categories.children(b, null, 10).rows()))
                .singleElement()
                .satisfies(moved -> {
                    assertThat(moved.id()).isEqualTo(a1);
                    assertThat(moved.parentId()).isEqualTo(b);
                });
        assertThat(fixtures.asAdmin(
                        () -> categories.children(null, null, roots + 10).rows()))
                .filteredOn(node -> node.id().equals(b))
                .singleElement()
                .extracting(CategoryTreeNode::childCount)
                .isEqualTo(1);
    }

    @Test
    void the_ancestry_of_a_category_runs_from_its_root_down_to_itself() {
        UUID a = fixtures.category(null, "A");
        UUID a1 = fixtures.category(a, "A1");
        UUID a11 = fixtures.category(a1, "A11");

        assertThat(fixtures.asAdmin(() -> categories.ancestry(a11)))
                .extracting(CategoryNode::id)
                .containsExactly(a, a1, a11);
        assertThat(fixtures.asAdmin(() -> categories.ancestry(a)))
                .extracting(CategoryNode::id)
                .containsExactly(a);
    }

    private CategoryNode node(UUID id) {
        return fixtures.asAdmin(() -> categories.findCategory(id)).orElseThrow();
    }

    @Test
    void a_category_with_children_or_articles_is_not_deleted() {
        UUID a = fixtures.category(null, "A");
        UUID a1 = fixtures.category(a, "A1");
        fixtures.article(a1, "ud");

        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    categories.deleteCategory(a);
                    return null;
                }))
                .hasMessage("articles.error.category-has-children");
        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    categories.deleteCategory(a1);
                    return null;
                }))
                .hasMessage("articles.error.category-has-articles");
    }

    @Test
    void codes_are_unique_and_barcodes_must_be_valid_ean13() {
        UUID unit = fixtures.unit("ud");
        String code = "DUP-" + fixtures.tag;
        fixtures.asAdmin(() -> articles.createArticle(ArticleFixtures.form(code, unit, null, ArticleKind.GOODS, true)));

        assertThatThrownBy(() -> fixtures.asAdmin(
                        () -> articles.createArticle(ArticleFixtures.form(code, unit, null, ArticleKind.GOODS, true))))
                .hasMessage("articles.error.code-taken");

        ArticleForm badBarcode = withBarcode(
                ArticleFixtures.form("BB-" + fixtures.tag, unit, null, ArticleKind.GOODS, true), "4006381333932");
        assertThatThrownBy(() -> fixtures.asAdmin(() -> articles.createArticle(badBarcode)))
                .hasMessage("articles.error.barcode-invalid");
    }

    @Test
    void articles_are_found_by_code_name_and_barcode() {
        UUID unit = fixtures.unit("ud");
        String barcode = Ean13.complete(String.format("84%010d", Math.abs(fixtures.tag.hashCode()) % 1_000_000_000L));
        ArticleForm form =
                withBarcode(ArticleFixtures.form("FIND-" + fixtures.tag, unit, null, ArticleKind.GOODS, true), barcode);
        UUID id = fixtures.asAdmin(() -> articles.createArticle(form));

        assertThat(found("find-" + fixtures.tag.toLowerCase(java.util.Locale.ROOT)))
                .contains(id);
        assertThat(found("artículo find-" + fixtures.tag)).contains(id);
        assertThat(found(barcode)).containsExactly(id);
        assertThat(fixtures.asAdmin(() -> articles.findByBarcode(barcode)))
                .get()
                .extracting(ArticleRow::id)
                .isEqualTo(id);
    }

    @Test
    void an_article_saved_meanwhile_is_not_overwritten_and_archived_ones_leave_the_list() {
        UUID id = fixtures.article(null, "ud");
        ArticleDetails loaded = fixtures.asAdmin(() -> articles.loadArticle(id));
        ArticleForm renamed = rename(loaded.form(), "Nuevo nombre");
        fixtures.asAdmin(() -> {
            articles.update((renamed).withIdentity(id, loaded.version()));
            return null;
        });

        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    articles.update((loaded.form()).withIdentity(id, loaded.version()));
                    return null;
                }))
                .hasMessage("articles.error.changed-meanwhile");
        assertThat(fixtures.asAdmin(() -> articles.loadArticle(id)).form().nameEs())
                .isEqualTo("Nuevo nombre");

        fixtures.asAdmin(() -> {
            articles.archiveArticle(id);
            return null;
        });
        assertThat(found(loaded.form().code())).doesNotContain(id);
        assertThat(fixtures.asAdmin(() ->
                        articles.listArticles(new ArticleQuery(loaded.form().code(), null, null, true), 0, 10)))
                .extracting(ArticleRow::id)
                .containsExactly(id);
    }

    @Test
    void an_article_keeps_one_picture() {
        UUID id = fixtures.article(null, "ud");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        fixtures.asAdmin(() -> {
            articles.setImage(id, "image/png", png);
            return null;
        });

        assertThat(fixtures.asAdmin(() -> articles.image(id))).get().satisfies(image -> {
            assertThat(image.contentType()).isEqualTo("image/png");
            assertThat(image.content()).isEqualTo(png);
        });
        assertThatThrownBy(() -> fixtures.asAdmin(() -> {
                    articles.setImage(id, "image/gif", png);
                    return null;
                }))
                .hasMessage("articles.error.image-type");
    }

    @Test
    void the_export_writes_a_header_and_one_quoted_line_per_article_of_the_subtree() {
        UUID category = fixtures.category(null, "Export");
        UUID unit = fixtures.unit("ud");
        ArticleForm form = ArticleFixtures.form("EXP-" + fixtures.tag, unit, category, ArticleKind.INPUT, true);
        ArticleForm tricky = new ArticleForm(
                form.code(),
                form.kind(),
                "=SUM(A1), \"peligro\"",
                form.nameEn(),
                null,
                null,
                category,
                unit,
                null,
                form.salePrice(),
                form.cost(),
                form.taxRate(),
                null,
                true);
        fixtures.asAdmin(() -> articles.createArticle(tricky));
        fixtures.article(category, "ud");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        java.util.Map<ArticleCsvColumn, String> headers = new java.util.EnumMap<>(ArticleCsvColumn.class);
        for (ArticleCsvColumn column : ArticleCsvColumn.values()) {
            headers.put(column, column.name().toLowerCase(java.util.Locale.ROOT));
        }
        java.util.Map<String, String> words = java.util.Map.of(
                ArticleListService.kindKey(ArticleKind.INPUT),
                "Insumo",
                ArticleListService.kindKey(ArticleKind.GOODS),
                "Mercancía",
                ArticleListService.YES,
                "Sí",
                ArticleListService.NO,
                "No",
                ArticleListService.ACTIVE,
                "Activo",
                ArticleListService.ARCHIVED,
                "Archivado");

        long written = fixtures.asAdmin(() -> lists.exportCsv(
                ArticleQuery.inCategory(category),
                null,
                java.util.Locale.forLanguageTag("es"),
                java.time.ZoneId.of("Europe/Madrid"),
                headers,
                words,
                out));

        String[] lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(written).isEqualTo(2);
        assertThat(lines).hasSize(3);
        // Spanish: semicolons between cells, decimal commas, translated words, a byte order mark first.
        assertThat(lines[0]).startsWith("\uFEFFcode;kind;name_es;name_en;category;unit;barcode;sale_price");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("EXP-" + fixtures.tag + ";Insumo;\"'=SUM(A1), \"\"peligro\"\"\";")
                        .contains(";\"12,5\";\"7,25\";21;Sí;Activo"));
    }

    @Test
    void search_ignores_accents_and_case_and_tolerates_a_typo() {
        UUID unit = fixtures.unit("ud");
        ArticleForm base = ArticleFixtures.form("TS-" + fixtures.tag, unit, null, ArticleKind.GOODS, true);
        ArticleForm screw = new ArticleForm(
                base.code(),
                base.kind(),
                "Tornillo allen cabeza avellanada " + fixtures.tag,
                "Countersunk allen screw",
                null,
                null,
                null,
                unit,
                null,
                base.salePrice(),
                base.cost(),
                base.taxRate(),
                null,
                true);
        UUID id = fixtures.asAdmin(() -> articles.createArticle(screw));

        assertThat(found("TORNILLO " + fixtures.tag)).contains(id);
        assertThat(found("avellanada " + fixtures.tag.toLowerCase(java.util.Locale.ROOT)))
                .contains(id);
        assertThat(found("tornilo " + fixtures.tag)).as("one letter missing").contains(id);
        assertThat(found("countersunk " + fixtures.tag)).contains(id);
        assertThat(found("ts-" + fixtures.tag.toLowerCase(java.util.Locale.ROOT)))
                .containsExactly(id);
        assertThat(found("destornillador " + fixtures.tag)).doesNotContain(id);
    }

    @Test
    void search_finds_accented_names_without_the_accents() {
        UUID unit = fixtures.unit("ud");
        ArticleForm base = ArticleFixtures.form("TA-" + fixtures.tag, unit, null, ArticleKind.GOODS, true);
        ArticleForm pump = new ArticleForm(
                base.code(),
                base.kind(),
                "Bomba hidráulica " + fixtures.tag,
                "Pump",
                null,
                null,
                null,
                unit,
                null,
                base.salePrice(),
                base.cost(),
                base.taxRate(),
                null,
                true);
        UUID id = fixtures.asAdmin(() -> articles.createArticle(pump));

        assertThat(found("hidraulica " + fixtures.tag)).containsExactly(id);
    }

    /** An article with accented Spanish, English and a barcode; its code is {@code prefix-tag}. */
    private UUID valve(String prefix, String barcode) {
        UUID unit = fixtures.unit("ud");
        ArticleForm base = ArticleFixtures.form(prefix + "-" + fixtures.tag, unit, null, ArticleKind.GOODS, true);
        return fixtures.asAdmin(() -> articles.createArticle(new ArticleForm(
                base.code(),
                base.kind(),
                "Válvula esférica de latón " + fixtures.tag,
                "Brass ball valve " + fixtures.tag,
                null,
                null,
                null,
                unit,
                barcode,
                base.salePrice(),
                base.cost(),
                base.taxRate(),
                null,
                true)));
    }

    private String barcode(int salt) {
        return Ean13.complete(String.format("84%010d", (Math.abs(fixtures.tag.hashCode()) + salt) % 1_000_000_000L));
    }

    @Test
    void search_finds_words_without_accents_word_starts_and_typos_in_either_language() {
        UUID id = valve("TY", null);
        String tag = fixtures.tag.toLowerCase(java.util.Locale.ROOT);

        assertThat(found("valvula esferica laton " + tag)).as("without accents").containsExactly(id);
        assertThat(found("VÁLVULA " + tag)).as("accents and case as written").containsExactly(id);
        assertThat(found("esfer lat " + tag)).as("word starts").containsExactly(id);
        assertThat(found("bras bal " + tag)).as("English word starts").containsExactly(id);
        assertThat(found("vallve " + tag)).as("typo in the English name").contains(id);
        assertThat(found("valvulla " + tag)).as("typo in the Spanish name").contains(id);
        assertThat(found("esfrica ty-" + tag))
                .as("typo next to a code-like word")
                .contains(id);
        assertThat(found("brass ty-" + tag)).as("a name word and the code").containsExactly(id);
        assertThat(found("ty-" + tag.substring(0, tag.length() - 2)))
                .as("the start of the code")
                .contains(id);
        assertThat(found("compuerta " + tag)).as("another word").doesNotContain(id);
        assertThat(found("ñ".repeat(3000)))
                .as("a pasted text longer than any word")
                .isEmpty();
    }

    @Test
    void a_code_or_barcode_typed_exactly_comes_before_articles_that_mention_it() {
        String barcode = barcode(17);
        UUID id = valve("TZ", barcode);
        UUID unit = fixtures.unit("ud");
        // Its code sorts first, and its names mention the other article's code and barcode.
        ArticleForm base = ArticleFixtures.form("AA-" + fixtures.tag, unit, null, ArticleKind.GOODS, true);
        UUID mentioning = fixtures.asAdmin(() -> articles.createArticle(new ArticleForm(
                base.code(),
                base.kind(),
                "Junta para TZ-" + fixtures.tag,
                "Gasket for " + barcode,
                null,
                null,
                null,
                unit,
                null,
                base.salePrice(),
                base.cost(),
                base.taxRate(),
                null,
                true)));

        assertThat(found("tz-" + fixtures.tag.toLowerCase(java.util.Locale.ROOT)))
                .containsExactly(id, mentioning);
        assertThat(found(barcode)).containsExactly(id, mentioning);
        assertThat(fixtures.asAdmin(() -> articles.listArticles(ArticleQuery.matching(barcode), 1, 1)))
                .as("the second row of the list")
                .extracting(ArticleRow::id)
                .containsExactly(mentioning);
    }

    @Test
    void archived_articles_are_searched_only_when_asked_for() {
        String barcode = barcode(23);
        UUID id = valve("TX", barcode);
        fixtures.asAdmin(() -> {
            articles.archiveArticle(id);
            return null;
        });
        String tag = fixtures.tag.toLowerCase(java.util.Locale.ROOT);

        for (String text : new String[] {"tx-" + tag, barcode, "valvula " + tag, "valvulla " + tag, "esfer " + tag}) {
            assertThat(found(text)).as(text).doesNotContain(id);
            assertThat(fixtures.asAdmin(() -> articles.listArticles(new ArticleQuery(text, null, null, true), 0, 50)))
                    .as(text + ", archived included")
                    .extracting(ArticleRow::id)
                    .contains(id);
        }
        assertThat(fixtures.asAdmin(() -> lists.count(new ArticleQuery("tx-" + tag, null, null, true))
                        .value()))
                .isOne();
    }

    @Test
    void the_default_supplier_must_be_an_account_with_the_supplier_role() {
        UUID supplier = fixtures.asAdmin(() -> accounts.suppliersMatching("Tornillería Catalana", 1))
                .getFirst()
                .id();
        UUID client = UUID.fromString("0195f3a0-0000-7000-8000-0000000000c1");
        UUID unit = fixtures.unit("ud");
        ArticleForm base = ArticleFixtures.form("SUP-" + fixtures.tag, unit, null, ArticleKind.GOODS, true);

        UUID id = fixtures.asAdmin(() -> articles.createArticle(withSupplier(base, supplier)));
        assertThat(fixtures.asAdmin(() -> articles.loadArticle(id)).form().defaultSupplierId())
                .isEqualTo(supplier);

        ArticleForm other = ArticleFixtures.form("SUP2-" + fixtures.tag, unit, null, ArticleKind.GOODS, true);
        assertThatThrownBy(() -> fixtures.asAdmin(() -> articles.createArticle(withSupplier(other, client))))
                .hasMessage("articles.error.supplier-not-supplier");
        assertThatThrownBy(() -> fixtures.asAdmin(() -> articles.createArticle(withSupplier(other, UUID.randomUUID()))))
                .hasMessage("articles.error.supplier-not-supplier");
    }

    @Test
    void an_article_keeps_the_history_of_its_changes() {
        UUID id = fixtures.article(null, "ud");
        ArticleDetails loaded = fixtures.asAdmin(() -> articles.loadArticle(id));
        fixtures.asAdmin(() -> {
            articles.update((rename(loaded.form(), "Con historia")).withIdentity(id, loaded.version()));
            return null;
        });

        List<com.nexo.history.ChangeEntry> history = fixtures.asAdmin(() -> articles.history(id, null, 10));

        assertThat(history).hasSize(2);
        assertThat(history.getFirst().operation()).isEqualTo("UPDATE");
        assertThat(history.getFirst().changes()).anySatisfy(change -> {
            assertThat(change.column()).isEqualTo("name_es");
            assertThat(change.after()).contains("Con historia");
        });
        assertThat(history.getLast().operation()).isEqualTo("INSERT");
    }

    private static ArticleForm withSupplier(ArticleForm form, UUID supplierId) {
        return new ArticleForm(
                form.code(),
                form.kind(),
                form.nameEs(),
                form.nameEn(),
                form.descriptionEs(),
                form.descriptionEn(),
                form.categoryId(),
                form.unitId(),
                form.barcode(),
                form.salePrice(),
                form.cost(),
                form.taxRate(),
                supplierId,
                form.stockTracked());
    }

    private List<UUID> found(String text) {
        return fixtures.asAdmin(() -> articles.listArticles(ArticleQuery.matching(text), 0, 50)).stream()
                .map(ArticleRow::id)
                .toList();
    }

    private static ArticleForm withBarcode(ArticleForm form, String barcode) {
        return new ArticleForm(
                form.code(),
                form.kind(),
                form.nameEs(),
                form.nameEn(),
                form.descriptionEs(),
                form.descriptionEn(),
                form.categoryId(),
                form.unitId(),
                barcode,
                form.salePrice(),
                form.cost(),
                form.taxRate(),
                form.defaultSupplierId(),
                form.stockTracked());
    }

    private static ArticleForm rename(ArticleForm form, String nameEs) {
        return new ArticleForm(
                form.code(),
                form.kind(),
                nameEs,
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

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }
}
