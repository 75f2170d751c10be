package com.nexo.sales.ui;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
import com.nexo.sales.documents.LineForm;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The editor's lines: every cell a field bound to its {@link LineForm} with a {@link
 * BeanValidationBinder}, so that a line is typed without the mouse. Tab moves to the next cell as in
 * any form; Enter too, and from a line's last cell to the next line (from the last line back to the
 * article look-up). Delete (or Enter) on a line's remove button removes it.
 */
class DocumentEditorLines {

    /** One line's fields. */
    static final class Row {
        final LineForm line;
        final BeanValidationBinder<LineForm> binder = new BeanValidationBinder<>(LineForm.class);
        final TextField description = new TextField();
        final BigDecimalField quantity = new BigDecimalField();
        final BigDecimalField price = new BigDecimalField();
        final BigDecimalField discount = new BigDecimalField();
        final BigDecimalField vat = new BigDecimalField();
        final Span net = new Span();
        final Button remove = new Button(VaadinIcon.TRASH.create());

        Row(LineForm line) {
            this.line = line;
        }

        List<Focusable<?>> cells() {
            return List.of(description, quantity, price, discount, vat);
        }
    }

    final Grid<Row> grid = new Grid<>();
    private final List<Row> rows = new ArrayList<>();
    private final Runnable changed;
    private final Runnable afterLast;

    DocumentEditorLines(Runnable changed, Runnable afterLast) {
        this.changed = changed;
        this.afterLast = afterLast;
        grid.addClassName("document-editor-lines");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addColumn(row -> rows.indexOf(row) + 1)
                .setHeader("#")
                .setWidth("3rem")
                .setFlexGrow(0);
        Grid.Column<Row> code = grid.addColumn(row -> row.line.getArticleCode())
                .setHeader(grid.getTranslation("sales.editor.line.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.description)
                .setHeader(grid.getTranslation("sales.editor.line.description"))
                .setFlexGrow(3);
        grid.addComponentColumn(row -> row.quantity)
                .setHeader(grid.getTranslation("sales.editor.line.quantity"))
                .setWidth("6.5rem")
                .setFlexGrow(0);
        Grid.Column<Row> unit = grid.addColumn(row -> row.line.getUnitCode())
                .setHeader(grid.getTranslation("sales.editor.line.unit"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.price)
                .setHeader(grid.getTranslation("sales.editor.line.price"))
                .setWidth("7.5rem")
                .setFlexGrow(0);
        Grid.Column<Row> discount = grid.addComponentColumn(row -> row.discount)
                .setHeader(grid.getTranslation("sales.editor.line.discount"))
                .setWidth("5.5rem")
                .setFlexGrow(0);
        Grid.Column<Row> vat = grid.addComponentColumn(row -> row.vat)
                .setHeader(grid.getTranslation("sales.editor.line.vat"))
                .setWidth("5.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.net)
                .setHeader(grid.getTranslation("sales.editor.line.net"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.remove).setWidth("3.5rem").setFlexGrow(0);
        grid.setEmptyStateText(grid.getTranslation("sales.editor.no-lines"));
        grid.setItems(rows);
        // A tablet held upright keeps description, quantity, price and total; the rest on wider screens.
        NarrowScreens.hideColumnsBelow(grid, 1100, List.of(code, unit));
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(discount, vat));
    }

    /** Shows a loaded document's lines. */
    void show(List<LineForm> lines) {
        rows.clear();
        lines.forEach(line -> rows.add(row(line)));
        grid.getDataProvider().refreshAll();
    }

    /** Adds a line at the end and returns its fields. */
    Row add(LineForm line) {
        Row row = row(line);
        rows.add(row);
        grid.getDataProvider().refreshAll();
        changed.run();
        return row;
    }

    void remove(Row row) {
        int index = rows.indexOf(row);
        rows.remove(row);
        grid.getDataProvider().refreshAll();
        changed.run();
        if (rows.isEmpty()) {
            afterLast.run();
        } else {
            rows.get(Math.min(index, rows.size() - 1)).remove.focus();
        }
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<LineForm> forms() {
        return rows.stream().map(row -> row.line).toList();
    }

    /** Whether every line is valid (each field shows its own problem). */
    boolean validate() {
        boolean valid = true;
        for (Row row : rows) {
            valid &= row.binder.validate().isOk();
        }
        return valid;
    }

    /** Shows each line's net as the totals worked it out. */
    void showNets(List<BigDecimal> nets, String currency) {
        for (int i = 0; i < rows.size() && i < nets.size(); i++) {
            rows.get(i).net.setText(Format.money(nets.get(i), currency));
        }
    }

    private Row row(LineForm line) {
        Row row = new Row(line);
        row.description.setWidthFull();
        row.description.setAriaLabel(grid.getTranslation("sales.editor.line.description"));
        row.description.setMaxLength(500);
        row.binder.bind(row.description, "description");
        number(row, row.quantity, "sales.editor.line.quantity", "quantity");
        number(row, row.price, "sales.editor.line.price", "unitPrice");
        number(row, row.discount, "sales.editor.line.discount", "discountPercent");
        number(row, row.vat, "sales.editor.line.vat", "vatPercent");
        row.binder.setBean(line);
        row.binder.addValueChangeListener(change -> changed.run());
        List<Focusable<?>> cells = row.cells();
        for (int i = 0; i < cells.size(); i++) {
            Focusable<?> next = i + 1 < cells.size() ? cells.get(i + 1) : null;
            Component cell = (Component) cells.get(i);
            Shortcuts.addShortcutListener(
                            cell,
                            () -> {
                                if (next != null) {
                                    next.focus();
                                } else {
                                    focusAfter(row);
                                }
                            },
                            Key.ENTER)
                    .listenOn(cell);
        }
        row.remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.remove.setAriaLabel(grid.getTranslation("sales.editor.remove-line"));
        row.remove.setTooltipText(grid.getTranslation("sales.editor.remove-line"));
        row.remove.addClickListener(click -> remove(row));
        Shortcuts.addShortcutListener(row.remove, () -> remove(row), Key.DELETE).listenOn(row.remove);
        return row;
    }

    private void number(Row row, BigDecimalField field, String labelKey, String property) {
        field.setAriaLabel(grid.getTranslation(labelKey));
        field.setWidthFull();
        field.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
        row.binder.bind(field, property);
    }

    private void focusAfter(Row row) {
        int index = rows.indexOf(row);
        if (index >= 0 && index + 1 < rows.size()) {
            rows.get(index + 1).description.focus();
        } else {
            afterLast.run();
        }
    }
}
