package com.nexo.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.data.renderer.LitRenderer;
import org.junit.jupiter.api.Test;

/** The shared cell templates' values: blank parts become empty, which the templates hide. */
class GridCellsTest {

    private record Row(String main, String second) {}

    @Test
    void two_lines_give_main_and_second_line_and_an_empty_text_for_a_blank_one() {
        LitRenderer<Row> renderer = GridCells.twoLinesRenderer(Row::main, Row::second);

        assertThat(renderer.getValueProviders().get("main").apply(new Row("Aceros", "ACE")))
                .isEqualTo("Aceros");
        assertThat(renderer.getValueProviders().get("secondary").apply(new Row("Aceros", "ACE")))
                .isEqualTo("ACE");
        assertThat(renderer.getValueProviders().get("secondary").apply(new Row("Aceros", "  ")))
                .isEqualTo("");
        assertThat(renderer.getValueProviders().get("main").apply(new Row(null, null)))
                .isEqualTo("");
    }

    @Test
    void a_badge_gives_its_text_and_theme_and_an_empty_text_without_one() {
        LitRenderer<Row> renderer = GridCells.badgeRenderer(Row::main, Row::second);

        assertThat(renderer.getValueProviders().get("text").apply(new Row("Activa", "success small")))
                .isEqualTo("Activa");
        assertThat(renderer.getValueProviders().get("theme").apply(new Row("Activa", "success small")))
                .isEqualTo("success small");
        assertThat(renderer.getValueProviders().get("text").apply(new Row(null, "success small")))
                .isEqualTo("");
    }
}
