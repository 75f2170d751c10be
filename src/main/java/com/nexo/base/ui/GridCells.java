package com.nexo.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * Grid cells shared by the lists of every module.
 *
 * <p>Prefer the renderers ({@link #twoLinesRenderer}, {@link #badgeRenderer}) in lists: a cell made of
 * components costs its components, their elements and state nodes for every row the browser has asked
 * for, in every open tab, for as long as the session lives; a renderer's cell is a template drawn in the
 * browser from a few values per row. The accounts list so went from about 530 to under 300 KiB of heap
 * per session (see the README, "Memory per session").
 */
public final class GridCells {

    private GridCells() {}

    /**
     * A main text with a quieter second line (a name over its code): one column instead of two, so
     * lists keep their important columns in view on a tablet.
     */
    public static Div twoLines(String main, String secondary) {
        Div cell = new Div(new Span(main == null ? "" : main));
        cell.addClassName("two-line-cell");
        if (secondary != null && !secondary.isBlank()) {
            Span second = new Span(secondary);
            second.addClassName("secondary");
            cell.add(second);
        }
        return cell;
    }

    /**
     * {@link #twoLines} drawn in the browser: the same markup and classes, the second line hidden when
     * it is empty or blank. Lit escapes the texts.
     */
    public static <T> LitRenderer<T> twoLinesRenderer(
            ValueProvider<T, String> main, ValueProvider<T, String> secondary) {
        return LitRenderer.<T>of("<div class=\"two-line-cell\"><span>${item.main}</span>"
                        + "<span class=\"secondary\" ?hidden=${!item.secondary}>${item.secondary}</span></div>")
                .withProperty("main", row -> orEmpty(main.apply(row)))
                .withProperty("secondary", row -> orEmpty(secondary.apply(row)));
    }

    /**
     * A Lumo badge ({@code vaadin-badge}) drawn in the browser, with the theme variants given per row
     * ("success small", "contrast small"...); hidden when its text is empty or blank.
     */
    public static <T> LitRenderer<T> badgeRenderer(ValueProvider<T, String> text, ValueProvider<T, String> theme) {
        return LitRenderer.<T>of("<vaadin-badge theme=${item.theme} ?hidden=${!item.text}>${item.text}</vaadin-badge>")
                .withProperty("text", row -> orEmpty(text.apply(row)))
                .withProperty("theme", row -> orEmpty(theme.apply(row)));
    }

    private static String orEmpty(String text) {
        return text == null || text.isBlank() ? "" : text;
    }
}
