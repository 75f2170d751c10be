package com.nexo.production.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.nexo.production.boms.BomFixtures.material;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.production.boms.BomDetails;
import com.nexo.production.boms.BomFixtures;
import com.nexo.production.boms.BomForm;
import com.nexo.production.boms.BomService;
import com.nexo.production.boms.BomStatus;
import com.nexo.production.boms.LineKind;
import com.nexo.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bill editor on the real database: lines added, saved and activated; a cycle refused with its
 * path shown; the exploded tree, where-used and the cost breakdown with its recompute; read-only for
 * a reader.
 */
class BomEditorViewTest extends KaribuTest {

    @Autowired
    private ArticleDirectory directory;

    @Autowired
    private BomService boms;

    private BomFixtures fixtures;

    @BeforeEach
    void users() {
        fixtures = new BomFixtures(context);
    }

    @Test
    void lines_are_added_saved_and_the_version_activated_with_its_tree_and_cost() {
        UUID made = fixtures.goods();
        UUID input = fixtures.goods("4");
        UUID part = fixtures.goods();
        UUID raw = fixtures.goods("2");
        fixtures.active(part, material(raw, "3", "0"));
        UUID draft = fixtures.asPlanner(
                () -> boms.createVersion(new BomForm(made, LocalDate.of(2020, 1, 1), null, null, null)));

        login(fixtures.planner);
        UI.getCurrent().navigate("production/boms/" + draft);
        BomEditorView view = _get(BomEditorView.class);
        assertThat(view.save.isVisible()).isTrue();

        view.lineKind.setValue(LineKind.MATERIAL);
        view.lineArticle.setValue(summary(input));
        view.lineQuantity.setValue(new BigDecimal("2"));
        view.lineScrap.setValue(new BigDecimal("20"));
        view.lineAdd.click();
        view.lineArticle.setValue(summary(part));
        view.lineQuantity.setValue(BigDecimal.ONE);
        view.lineAdd.click();
        // A line without a quantity is not added.
        view.lineArticle.setValue(summary(raw));
        view.lineAdd.click();
        assertThat(view.lineQuantity.isInvalid()).isTrue();
        assertThat(GridKt._size(view.lines)).isEqualTo(2);

        // The draft's validity is edited with its lines; an end before the start is refused first.
        view.draftFrom.setValue(LocalDate.of(2021, 3, 1));
        view.draftTo.setValue(LocalDate.of(2021, 2, 1));
        view.save.click();
        expectNotifications("La fecha final no puede ser anterior a la inicial.");
        view.draftTo.clear();
        view.save.click();
        expectNotifications("Líneas guardadas");
        BomDetails saved = fixtures.asPlanner(() -> boms.details(draft).orElseThrow());
        assertThat(saved.validFrom()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(saved.validTo()).isNull();
        assertThat(saved.lines()).hasSize(2);
        assertThat(saved.lines().getFirst().scrapPercent()).isEqualByComparingTo("20");

        view.activate.click();
        expectNotifications("Versión activada");
        assertThat(view.status.getText()).isEqualTo("Activa");
        assertThat(view.save.isVisible()).isFalse();
        assertThat(fixtures.asPlanner(() -> boms.details(draft).orElseThrow().status()))
                .isEqualTo(BomStatus.ACTIVE);

        // The tree: input, part and, under it, raw; 2 / 0.8 = 2.5 of input at 4, 1 part of 3 raw at 2.
        assertThat(view.tree.getTreeData().getRootItems()).hasSize(2);
        assertThat(view.tree
                        .getTreeData()
                        .getChildren(view.tree.getTreeData().getRootItems().get(1)))
                .singleElement()
                .satisfies(line -> assertThat(line.line().articleId()).isEqualTo(raw));
        view.sheet.setSelectedIndex(3);
        view.rollUp.click();
        expectNotifications("Coste estándar recalculado (2 artículos)");
        // 2.5 × 4 + 1 × (3 × 2) = 16.
        assertThat(view.unitCost.getText()).isEqualTo("16,00");
        assertThat(view.storedCost.getText()).contains("16,00");

        // Where-used of the part shows this bill.
        UI.getCurrent()
                .navigate("production/boms/"
                        + fixtures.asPlanner(() -> boms.versionsOf(part))
                                .getFirst()
                                .id());
        BomEditorView partView = _get(BomEditorView.class);
        assertThat(GridKt._get(partView.whereUsed, 0).articleId()).isEqualTo(made);
    }

    @Test
    void a_cycle_is_refused_with_its_path_and_nothing_is_saved() {
        UUID a = fixtures.goods();
        UUID b = fixtures.goods();
        fixtures.active(a, material(b, "1", "0"));
        UUID draft = fixtures.asPlanner(() -> boms.createVersion(new BomForm(b, LocalDate.now(), null, null, null)));

        login(fixtures.planner);
        UI.getCurrent().navigate("production/boms/" + draft);
        BomEditorView view = _get(BomEditorView.class);
        view.lineArticle.setValue(summary(a));
        view.lineQuantity.setValue(BigDecimal.ONE);
        view.lineAdd.click();
        view.save.click();
        String path = summary(b).code() + " → " + summary(a).code() + " → "
                + summary(b).code();
        expectNotifications("Un artículo acabaría dentro de sí mismo: " + path);
        assertThat(view.problem.isVisible()).isTrue();
        assertThat(view.problem.getText()).endsWith(path);
        assertThat(fixtures.asPlanner(() -> boms.details(draft).orElseThrow().lines()))
                .isEmpty();
    }

    @Test
    void a_reader_sees_a_draft_read_only() {
        UUID made = fixtures.goods();
        UUID draft = fixtures.asPlanner(() -> boms.createVersion(new BomForm(made, LocalDate.now(), null, null, null)));
        login(fixtures.reader);
        UI.getCurrent().navigate("production/boms/" + draft);
        BomEditorView view = _get(BomEditorView.class);
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.activate.isVisible()).isFalse();
        assertThat(view.lineForm.isVisible()).isFalse();
        assertThat(view.rollUp.isVisible()).isFalse();
        assertThat(view.newVersion.isVisible()).isFalse();
    }

    private ArticleSummary summary(UUID id) {
        return fixtures.asPlanner(() -> directory.summaries(List.of(id)).get(id));
    }
}
