package com.nexo.production.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.nexo.production.boms.BomFixtures.material;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.boms.BomFixtures;
import com.nexo.production.boms.BomListRow;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bills list on the real database: it lists and finds bills by their article, creates a draft
 * through its dialog and opens it; the button is only there for who may edit bills, and the screen
 * is refused (and not in the menu) without production.read.
 */
class BomListViewTest extends KaribuTest {

    @Autowired
    private ArticleDirectory directory;

    private BomFixtures fixtures;

    @BeforeEach
    void users() {
        fixtures = new BomFixtures(context);
    }

    @Test
    void the_list_finds_a_bill_by_its_article_and_the_dialog_creates_a_draft_and_opens_it() {
        UUID made = fixtures.goods();
        UUID input = fixtures.goods();
        fixtures.active(made, material(input, "2", "0"));
        ArticleSummary madeSummary = summary(made);

        login(fixtures.planner);
        UI.getCurrent().navigate("production/boms");
        BomListView view = _get(BomListView.class);
        assertThat(view.getPageTitle()).isEqualTo("Listas de materiales");
        view.search.setValue(madeSummary.code());
        BomListRow row = GridKt._get(view.grid, 0);
        assertThat(row.articleId()).isEqualTo(made);
        assertThat(row.revision()).isEqualTo(1);
        assertThat(row.lineCount()).isEqualTo(1);

        // Creating with no article says what is missing.
        view.newBom.click();
        view.create.click();
        assertThat(view.article.isInvalid()).isTrue();
        assertThat(view.article.getErrorMessage()).isEqualTo("Elige el artículo que se fabrica.");

        view.article.setValue(madeSummary);
        view.create.click();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .startsWith("production/boms/");
        BomEditorView editor = _get(BomEditorView.class);
        assertThat(editor.title.getText()).contains(madeSummary.code()).contains("revisión 2");
        assertThat(editor.status.getText()).isEqualTo("Borrador");
        // The new draft starts from the lines of the latest version.
        assertThat(GridKt._size(editor.lines)).isEqualTo(1);
    }

    @Test
    void a_reader_sees_the_list_without_new_and_an_outsider_is_refused() {
        login(fixtures.reader);
        UI.getCurrent().navigate("production/boms");
        BomListView view = _get(BomListView.class);
        assertThat(view.newBom.getId()).isEmpty();
        assertThat(view.newBom.isAttached()).isFalse();

        UI.getCurrent().navigate("");
        switchUser(fixtures.outsider);
        assertThat(_get(SideNav.class).getItems())
                .extracting(SideNavItem::getPath)
                .doesNotContain("production/boms");
        assertThatThrownBy(() -> UI.getCurrent().navigate("production/boms"))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }

    private ArticleSummary summary(UUID id) {
        return fixtures.asPlanner(() -> directory.summaries(List.of(id)).get(id));
    }
}
