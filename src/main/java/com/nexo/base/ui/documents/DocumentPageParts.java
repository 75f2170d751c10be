package com.nexo.base.ui.documents;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import java.util.List;

/**
 * The frame every document page (a sales document, a purchase order, RFQ, receipt or bill) is built
 * in, styled alike by nexo.css: the header with title, party, state badges and buttons; the data list
 * of label and value; the read-only lines grid with its figure columns; the step buttons; and the two
 * columns below the lines. What a page shows in them stays in its module.
 */
public final class DocumentPageParts {

    private DocumentPageParts() {}

    /**
     * The page's header: the title over the party and the badges, and beside them the step buttons
     * ({@code actions}) and, where the page has them, the PDF and e-mail buttons ({@code output}, or
     * null).
     */
    public static Div header(H2 title, Span party, List<Span> badges, Div actions, Div output) {
        title.addClassName("detail-title");
        party.addClassName("detail-subtitle");
        Div badgeRow = new Div();
        badgeRow.addClassName("detail-badges");
        badges.forEach(badgeRow::add);
        Div heading = new Div(title, party, badgeRow);
        actions.addClassName("detail-actions");
        Component buttons = actions;
        if (output != null) {
            output.addClassNames("detail-actions", "document-output");
            Div box = new Div(actions, output);
            box.addClassName("detail-actions");
            buttons = box;
        }
        Div header = new Div(heading, buttons);
        header.addClassName("detail-header");
        return header;
    }

    /** The two columns below the lines: the document's own data on the left, what surrounds it beside. */
    public static Div columns(List<? extends Component> main, List<? extends Component> side) {
        Div left = new Div();
        main.forEach(left::add);
        left.addClassName("detail-main");
        Div right = new Div();
        side.forEach(right::add);
        Div columns = new Div(left, right);
        columns.addClassName("detail-columns");
        return columns;
    }

    /** Adds a label and its value to a page's data list ({@code detail-data}); a blank value is left out. */
    public static void item(Div data, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span term = new Span(label);
        term.addClassName("detail-term");
        Span shown = new Span(value);
        shown.addClassName("detail-value");
        Div item = new Div(term, shown);
        item.addClassName("detail-item");
        data.add(item);
    }

    /** Styles a page's read-only lines grid: compact, wrapping, as tall as its lines. */
    public static void linesGrid(Grid<?> lines) {
        lines.addClassName("document-lines");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lines.setAllRowsVisible(true);
    }

    /** A narrow text column (a code) of a lines grid. */
    public static <T> Grid.Column<T> codeColumn(Grid<T> lines, ValueProvider<T, ?> value, String header) {
        return lines.addColumn(value).setHeader(header).setAutoWidth(true).setFlexGrow(0);
    }

    /** A figure column (quantity, price, discount, VAT, amount) of a lines grid: right-aligned, narrow. */
    public static <T> Grid.Column<T> figureColumn(Grid<T> lines, ValueProvider<T, ?> value, String header) {
        return codeColumn(lines, value, header).setTextAlign(ColumnTextAlign.END);
    }

    /**
     * A step button ({@code action-<name>} for tests and styles): primary for the step the document
     * waits for, red for those that undo it (cancel, delete).
     */
    public static Button stepButton(String name, String text, boolean primary, boolean undoes, Runnable run) {
        Button button = new Button(text, click -> run.run());
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        if (undoes) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        button.addClassName("action-" + name);
        return button;
    }
}
