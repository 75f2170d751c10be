package com.nexo.cms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.nexo.cms.content.ReadableItem;
import com.nexo.cms.library.CategoryDraft;
import com.nexo.cms.library.CategoryRow;
import com.nexo.cms.library.KnowledgeCategoryService;
import com.nexo.cms.library.LibraryFixtures;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The knowledge base screen on the real database: an employee browses a category, reads an article
 * (its stored HTML) and finds it by the search; an editor makes a category through its dialog and
 * cannot delete one with articles; a read-only user gets no category management.
 */
class KnowledgeBaseViewTest extends KaribuTest {

    @Autowired
    private KnowledgeCategoryService categories;

    private LibraryFixtures fx;
    private UUID category;
    private UUID article;

    @BeforeEach
    void setUp() {
        fx = new LibraryFixtures(context);
        category = fx.as(
                fx.editor,
                () -> categories.create(
                        new CategoryDraft(null, null, "Facturación " + fx.tag, "Billing " + fx.tag, 0)));
        article = fx.article(
                category,
                "Cómo anular una factura " + fx.tag,
                "Se emite una **rectificativa**.",
                "<p>Se emite una <strong>rectificativa</strong>.</p>");
    }

    private KnowledgeBaseView open(String email) {
        login(email);
        UI.getCurrent().navigate("cms/knowledge");
        return _get(KnowledgeBaseView.class);
    }

    private static void choose(KnowledgeBaseView view, UUID id) {
        CategoryRow row = view.categoryGrid
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(id))
                .findFirst()
                .orElseThrow();
        view.categoryGrid.select(row);
    }

    @Test
    void an_employee_browses_a_category_reads_an_article_and_finds_it_by_the_search() {
        KnowledgeBaseView view = open(fx.seller);
        assertThat(view.getPageTitle()).isEqualTo("Base de conocimiento");
        assertThat(view.newCategory.isVisible()).isFalse();

        choose(view, category);
        ReadableItem listed = view.articles
                .getListDataView()
                .getItems()
                .filter(item -> item.id().equals(article))
                .findFirst()
                .orElseThrow();
        view.articles.select(listed);
        assertThat(view.article.isVisible()).isTrue();
        assertThat(view.articleTitle.getText()).isEqualTo("Cómo anular una factura " + fx.tag);
        assertThat(view.articleBody.getElement().getProperty("innerHTML"))
                .isEqualTo("<p>Se emite una <strong>rectificativa</strong>.</p>");

        view.query.setValue("rectificativas " + fx.tag);
        assertThat(view.hits.isVisible()).isTrue();
        Button hit = (Button) view.hits
                .getChildren()
                .findFirst()
                .orElseThrow()
                .getChildren()
                .findFirst()
                .orElseThrow()
                .getChildren()
                .findFirst()
                .orElseThrow();
        assertThat(hit.getText()).isEqualTo("Cómo anular una factura " + fx.tag);
        view.articleTitle.setText("");
        hit.click();
        assertThat(view.articleTitle.getText()).isEqualTo("Cómo anular una factura " + fx.tag);
    }

    @Test
    void an_editor_makes_a_category_and_cannot_delete_one_with_articles() {
        KnowledgeBaseView view = open(fx.editor);

        view.newCategory.click();
        CategoryDialog dialog = view.categoryDialog;
        dialog.nameEs.setValue("Envíos " + fx.tag);
        dialog.save.click();
        assertThat(dialog.isOpened()).isFalse();
        expectNotifications("Categoría guardada.");
        String slug = "envios-" + fx.tag;
        assertThat(view.categoryGrid.getListDataView().getItems())
                .filteredOn(row -> row.slug().equals(slug))
                .singleElement()
                .satisfies(row -> assertThat(row.nameEn()).isNull());

        choose(view, category);
        view.deleteCategory.click();
        expectNotifications("La categoría tiene artículos o subcategorías: muévelos antes de eliminarla.");
        assertThat(view.categoryGrid.getListDataView().getItems())
                .extracting(CategoryRow::id)
                .contains(category);
    }

    @Test
    void a_read_only_user_reads_without_managing_categories() {
        KnowledgeBaseView view = open(LibraryFixtures.READ_ONLY);
        choose(view, category);

        assertThat(view.newCategory.isVisible()).isFalse();
        assertThat(view.editCategory.isVisible()).isFalse();
        assertThat(view.deleteCategory.isVisible()).isFalse();
        assertThat(view.articles.getListDataView().getItems())
                .extracting(ReadableItem::id)
                .contains(article);
    }
}
