package com.nexo.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Grid cells shared by the lists of every module. */
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
}
