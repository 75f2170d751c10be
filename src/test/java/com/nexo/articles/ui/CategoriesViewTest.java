package com.nexo.articles.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.catalogue.ArticleKind;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.categories.CategoryTreeNode;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.units.UnitService;
import com.nexo.security.UserService;
import com.nexo.security.UserService.NewUser;
import com.nexo.security.roles.RoleService;
import com.nexo.security.roles.RoleService.RoleDraft;
import com.nexo.shell.ui.DashboardView;
import com.nexo.tenancy.ActorType;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.router.AccessDeniedException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The category tree screen and the lazy category pickers, in a simulated browser. */
class CategoriesViewTest extends KaribuTest {

    @Autowired
    private CategoryService categories;

    @Autowired
    private ArticleService articles;

    @Autowired
    private com.nexo.articles.catalogue.ArticleListService lists;

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

    private CategoriesView open(String email) {
        login(email);
        UI.getCurrent().navigate(CategoriesView.class);
        return _get(CategoriesView.class);
    }

    /** What the tree shows under {@code parent} (the roots when null), as the browser would fetch it. */
    private static List<CategoryTreeNode> shownUnder(CategoriesView view, CategoryTreeNode parent) {
        // The tree was given a provider without filter; the grid declares a predicate filter.
        @SuppressWarnings({"unchecked", "rawtypes"})
        HierarchicalDataProvider<CategoryTreeNode, Void> data = (HierarchicalDataProvider) view.tree.getDataProvider();
        return data.fetchChildren(new HierarchicalQuery<>(null, parent)).toList();
    }

    private static CategoryTreeNode shown(List<CategoryTreeNode> nodes, UUID id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow();
    }

    private static CategoryTreeNode shownByCode(List<CategoryTreeNode> nodes, String code) {
        return nodes.stream()
                .filter(node -> node.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<ArticleRow> articlesShown(CategoriesView view) {
        return GridKt._fetch(view.articleGrid, 0, 100);
    }

    private UUID category(UUID parent, String code) {
        return categories.createCategory(parent, code, "Categoría " + code, "Category " + code);
    }

    private UUID article(UUID categoryId) {
        UUID unit = units.listUnits().stream()
                .filter(value -> value.getCode().equals("ud"))
                .map(UnitOfMeasure::getId)
                .findFirst()
                .orElseThrow();
        String code = "KBA-" + word();
        return articles.createArticle(new ArticleForm(
                code,
                ArticleKind.GOODS,
                "Pieza " + code,
                "Part " + code,
                null,
                null,
                categoryId,
                unit,
                null,
                new BigDecimal("3.50"),
                new BigDecimal("2.00"),
                new BigDecimal("21"),
                null,
                true));
    }

    @Test
    void the_demo_tree_shows_its_roots_with_their_sub_category_counts_and_a_root_s_whole_subtree_of_articles() {
        CategoriesView view = open("admin@demo.nexo");

        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Categorías de artículos");
        List<CategoryTreeNode> roots = shownUnder(view, null);
        assertThat(roots).extracting(CategoryTreeNode::code).contains("FER", "HER", "MAT", "QUI", "EPI", "SER");
        assertThat(roots).extracting(CategoryTreeNode::parentId).containsOnlyNulls();
        CategoryTreeNode hardware = shownByCode(roots, "FER");
        assertThat(hardware.childCount()).isEqualTo(2);
        assertThat(shownUnder(view, hardware))
                .extracting(CategoryTreeNode::code)
                .containsExactly("FER-FIJ", "FER-TOR");

        view.tree.select(hardware);

        long inSubtree = lists.count(ArticleQuery.inCategory(hardware.id())).value();
        assertThat(inSubtree).isPositive();
        assertThat(view.selectedTitle.getText()).isEqualTo("FER · Ferretería");
        assertThat(view.articleCount.getText())
                .isEqualTo("Artículos de esta categoría y de sus subcategorías: " + inSubtree);
        assertThat(articlesShown(view))
                .extracting(ArticleRow::categoryCode)
                .contains("FER-TOR-TOR")
                .allMatch(code -> code.startsWith("FER"));
    }

    @Test
    void a_sub_category_created_from_the_screen_appears_under_the_selected_one_which_stays_selected() {
        login("admin@demo.nexo");
        String rootCode = "KB-" + word();
        UUID root = category(null, rootCode);
        CategoriesView view = open("admin@demo.nexo");
        view.tree.select(shown(shownUnder(view, null), root));

        _click(view.newChild);
        CategoryFormDialog dialog = _get(CategoryFormDialog.class);
        String childCode = rootCode + "-SUB";
        dialog.code.setValue(childCode);
        dialog.nameEs.setValue("Soportes");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.nameEn.isInvalid()).isTrue();
        assertThat(dialog.nameEn.getErrorMessage())
                .isEqualTo("Indica el nombre de la categoría en español y en inglés.");
        dialog.nameEn.setValue("Brackets");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Categoría " + childCode + " guardada.");
        CategoryTreeNode shownRoot = shown(shownUnder(view, null), root);
        assertThat(shownRoot.childCount()).isEqualTo(1);
        assertThat(shownUnder(view, shownRoot)).singleElement().satisfies(child -> {
            assertThat(child.code()).isEqualTo(childCode);
            assertThat(child.nameEn()).isEqualTo("Brackets");
        });
        assertThat(view.tree.isExpanded(shownRoot)).isTrue();
        assertThat(view.tree.asSingleSelect().getValue().id()).isEqualTo(root);
        assertThat(view.selectedTitle.getText()).startsWith(rootCode);
    }

    @Test
    void a_taken_or_malformed_code_is_refused_on_the_code_field() {
        login("admin@demo.nexo");
        CategoriesView view = open("admin@demo.nexo");
        _click(view.newRoot);
        CategoryFormDialog dialog = _get(CategoryFormDialog.class);
        dialog.code.setValue("FER");
        dialog.nameEs.setValue("Otra ferretería");
        dialog.nameEn.setValue("Other hardware");

        _click(dialog.save);
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Ya hay una categoría con el código FER.");

        dialog.code.setValue("con espacios");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage())
                .isEqualTo(
                        "El código de la categoría admite letras, cifras, puntos, guiones y guiones bajos (hasta 32).");
    }

    @Test
    void a_branch_moved_through_the_dialog_shows_under_its_new_parent_with_its_articles_in_the_subtree() {
        login("admin@demo.nexo");
        String tag = word();
        UUID from = category(null, "KBF-" + tag);
        UUID to = category(null, "KBT-" + tag);
        UUID branch = category(from, "KBB-" + tag);
        UUID leaf = category(branch, "KBL-" + tag);
        UUID part = article(leaf);
        CategoriesView view = open("admin@demo.nexo");
        CategoryTreeNode fromNode = shown(shownUnder(view, null), from);
        view.tree.expand(fromNode);
        view.tree.select(shown(shownUnder(view, fromNode), branch));

        _click(view.move);
        CategoryMoveDialog dialog = _get(CategoryMoveDialog.class);
        ComboBoxKt.setUserInput(dialog.parent, "kbt-" + tag.toLowerCase());
        assertThat(ComboBoxKt.getSuggestions(dialog.parent)).containsExactly("KBT-" + tag + " · Categoría KBT-" + tag);
        dialog.parent.setValue(ComboBoxKt.getSuggestionItems(dialog.parent).getFirst());
        _click(dialog.move);

        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Categoría KBB-" + tag + " movida.");
        List<CategoryTreeNode> roots = shownUnder(view, null);
        assertThat(shown(roots, from).childCount()).isZero();
        CategoryTreeNode toNode = shown(roots, to);
        assertThat(shownUnder(view, toNode)).extracting(CategoryTreeNode::id).containsExactly(branch);
        assertThat(view.tree.isExpanded(toNode)).isTrue();
        assertThat(view.tree.asSingleSelect().getValue().id()).isEqualTo(branch);
        assertThat(view.breadcrumb.getChildren().map(crumb -> crumb.getElement().getText()))
                .containsExactly("KBT-" + tag + " · Categoría KBT-" + tag);
        assertThat(articlesShown(view)).extracting(ArticleRow::id).containsExactly(part);

        view.tree.select(toNode);
        assertThat(articlesShown(view)).extracting(ArticleRow::id).containsExactly(part);
        assertThat(view.articleCount.getText()).endsWith(": 1");
        view.tree.select(shown(shownUnder(view, null), from));
        assertThat(articlesShown(view)).isEmpty();
    }

    @Test
    void moving_a_category_under_its_own_descendant_shows_why_and_changes_nothing() {
        login("admin@demo.nexo");
        String tag = word();
        UUID top = category(null, "KBC-" + tag);
        UUID middle = category(top, "KBM-" + tag);
        UUID bottom = category(middle, "KBD-" + tag);
        CategoriesView view = open("admin@demo.nexo");
        view.tree.select(shown(shownUnder(view, null), top));

        _click(view.move);
        CategoryMoveDialog dialog = _get(CategoryMoveDialog.class);
        dialog.parent.setValue(categories.findCategory(bottom).orElseThrow());
        _click(dialog.move);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.parent.isInvalid()).isTrue();
        assertThat(dialog.parent.getErrorMessage())
                .isEqualTo("Una categoría no puede moverse dentro de sí misma ni de una de sus subcategorías.");
        CategoryNode unchanged = categories.findCategory(top).orElseThrow();
        assertThat(unchanged.parentId()).isNull();
        assertThat(unchanged.depth()).isZero();
        assertThat(categories.findCategory(bottom).orElseThrow().parentId()).isEqualTo(middle);
    }

    @Test
    void deleting_a_category_with_sub_categories_or_articles_is_refused_with_the_reason() {
        login("admin@demo.nexo");
        String tag = word();
        UUID parent = category(null, "KBP-" + tag);
        UUID child = category(parent, "KBH-" + tag);
        article(child);
        UUID empty = category(null, "KBE-" + tag);
        CategoriesView view = open("admin@demo.nexo");
        CategoryTreeNode parentNode = shown(shownUnder(view, null), parent);

        view.tree.select(parentNode);
        view.deleteSelected();
        expectNotifications("La categoría tiene subcategorías: muévelas o elimínalas antes.");

        view.tree.select(shown(shownUnder(view, parentNode), child));
        view.deleteSelected();
        expectNotifications("La categoría tiene artículos: muévelos antes.");
        assertThat(categories.findCategory(child)).isPresent();

        view.tree.select(shown(shownUnder(view, null), empty));
        view.deleteSelected();
        expectNotifications("Categoría KBE-" + tag + " eliminada.");
        assertThat(categories.findCategory(empty)).isEmpty();
        assertThat(shownUnder(view, null)).extracting(CategoryTreeNode::id).doesNotContain(empty);
    }

    @Test
    void the_read_only_role_sees_the_tree_and_the_articles_but_no_button_that_changes_them() {
        CategoriesView view = open("consulta@demo.nexo");
        CategoryTreeNode hardware = shownByCode(shownUnder(view, null), "FER");
        view.tree.select(hardware);

        assertThat(articlesShown(view)).isNotEmpty();
        for (Button button : List.of(view.newRoot, view.newChild, view.rename, view.move, view.delete)) {
            assertThat(button.isAttached()).isFalse();
        }
        _assertNone(Button.class, spec -> spec.withText("Mover"));
        _assertNone(Button.class, spec -> spec.withText("Nueva categoría"));
    }

    @Test
    void a_user_without_articles_read_is_refused_the_screen_and_has_no_menu_entry_for_it() {
        login("admin@demo.nexo");
        String code = "cat-" + word().toLowerCase();
        roles.createRole(new RoleDraft(code, "Prueba " + code, null, Set.of("users.read")));
        String email = code + "@demo.nexo";
        users.createUser(
                new NewUser(email, "Prueba " + code, ActorType.EMPLOYEE, null, Set.of(code), "Prueba-2026!", null));

        switchUser(email);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("articles/categories");
        assertThatThrownBy(() -> UI.getCurrent().navigate(CategoriesView.class))
                .hasRootCauseInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_article_list_filter_and_the_form_pick_categories_lazily_by_code_or_name() {
        login("admin@demo.nexo");
        UI.getCurrent().navigate(ArticleListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<CategoryNode> filter = _get(ComboBox.class, spec -> spec.withLabel("Categoría"));

        ComboBoxKt.setUserInput(filter, "tornilleria");
        assertThat(ComboBoxKt.getSuggestions(filter)).containsExactly("FER-TOR · Tornillería");
        filter.setValue(ComboBoxKt.getSuggestionItems(filter).getFirst());

        @SuppressWarnings("unchecked")
        List<ArticleRow> rows = GridKt._fetch(_get(Grid.class), 0, 100);
        assertThat(rows).isNotEmpty().extracting(ArticleRow::categoryCode).allMatch(code -> code.startsWith("FER-TOR"));

        ArticleRow screw = rows.stream()
                .filter(row -> row.categoryCode().equals("FER-TOR-TOR"))
                .findFirst()
                .orElseThrow();
        ArticleFormDialog form = new ArticleFormDialog(articles, units.units(), categories, screw.id(), saved -> {});
        assertThat(form.category.getValue()).isNotNull();
        assertThat(form.category.getValue().code()).isEqualTo("FER-TOR-TOR");
        assertThat(form.category.getItemLabelGenerator().apply(form.category.getValue()))
                .isEqualTo("FER-TOR-TOR · Tornillos");
    }
}
