package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * The list every dashboard card shows its entries in: rows of two sides, what the entry is on the left
 * (a label, a link) and its figure or time on the right, a thin line between rows. One look for the
 * cards of every module; the styles are {@code .dashboard-counts} and {@code .dashboard-count}.
 */
public final class CardRows extends Div {

    public CardRows() {
        addClassName("dashboard-counts");
    }

    /** Adds a row; returns it, for a class name of the card's own. */
    public Div add(Component left, Component right) {
        Div row = new Div(left, right);
        row.addClassName("dashboard-count");
        add(row);
        return row;
    }
}
