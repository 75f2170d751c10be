package com.nexo.base.ui.documents;

import com.nexo.base.ui.Format;
import com.nexo.base.ui.NarrowScreens;
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
 * The lines of a document editor (sales or purchasing): every cell a field bound to its line form
 * with a {@link BeanValidationBinder}, so that a line is typed without the mouse. Tab moves to the
 * next cell as in any form; Enter too, and from a line's last cell to the next line (from the last
 * line back to the article look-up). Delete (or Enter) on a line's remove button removes it. What
 * differs between modules comes from {@link DocumentLineFields}.
 *
 * @param <L> the module's line form
 */
public class DocumentLinesEditor<L> {

    /** One line's fields. */
    public final class Row {
        public final L line;
        public final BeanValidationBinder<L> binder;
        public final TextField description = new TextField();
        public final BigDecimalField quantity = new BigDecimalField();
        public final BigDecimalField price = new BigDecimalField();
        public final BigDecimalField discount = new BigDecimalField();
        public final BigDecimalField vat = new BigDecimalField();
        public final Span net = new Span();
        public final Button remove = new Button(VaadinIcon.TRASH.create());

        Row(L line) {
            this.line = line;
            this.binder = new BeanValidationBinder<>(fields.lineType());
        }

        List<Focusable<?>> cells() {
            return List.of(description, quantity, price, discount, vat);
        }
    }

    public final Grid<Row> grid = new Grid<>();
    private final List<Row> rows = new ArrayList<>();
    private final DocumentLineFields<L> fields;
    private final Runnable changed;
    private final Runnable afterLast;

    /**
     * @param changed runs after every change of a line's value and after a line is added or removed
     * @param afterLast runs when Enter leaves the last line or the last line is removed (focus the
     *     article look-up)
     */
    public DocumentLinesEditor(DocumentLineFields<L> fields, Runnable changed, Runnable afterLast) {
        this.fields = fields;
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
        Grid.Column<Row> code = grid.addColumn(row -> fields.articleCode(row.line))
                .setHeader(grid.getTranslation("documents.line.code"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.description)
                .setHeader(grid.getTranslation("documents.line.description"))
                .setFlexGrow(3);
        grid.addComponentColumn(row -> row.quantity)
                .setHeader(grid.getTranslation("documents.line.quantity"))
                .setWidth("6.5rem")
                .setFlexGrow(0);
        Grid.Column<Row> unit = grid.addColumn(row -> fields.unitCode(row.line))
                .setHeader(grid.getTranslation("documents.line.unit"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.price)
                .setHeader(grid.getTranslation("documents.line.price"))
                .setWidth("7.5rem")
                .setFlexGrow(0);
        Grid.Column<Row> discount = grid.addComponentColumn(row -> row.discount)
                .setHeader(grid.getTranslation("documents.line.discount"))
                .setWidth("5.5rem")
                .setFlexGrow(0);
        Grid.Column<Row> vat = grid.addComponentColumn(row -> row.vat)
                .setHeader(grid.getTranslation("documents.line.vat"))
                .setWidth("5.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.net)
                .setHeader(grid.getTranslation("documents.line.net"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.remove).setWidth("3.5rem").setFlexGrow(0);
        grid.setEmptyStateText(grid.getTranslation("documents.editor.no-lines"));
        grid.setItems(rows);
        // A tablet held upright keeps description, quantity, price and total; the rest on wider screens.
        NarrowScreens.hideColumnsBelow(grid, 1100, List.of(code, unit));
        NarrowScreens.hideColumnsBelow(grid, 900, List.of(discount, vat));
    }

    /** Shows a loaded document's lines. */
    public void show(List<L> lines) {
        rows.clear();
        lines.forEach(line -> rows.add(row(line)));
        grid.getDataProvider().refreshAll();
    }

    /** Adds a line at the end and returns its fields. */
    public Row add(L line) {
        Row row = row(line);
        rows.add(row);
        grid.getDataProvider().refreshAll();
        changed.run();
        return row;
    }

    public void remove(Row row) {
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

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<L> forms() {
        return rows.stream().map(row -> row.line).toList();
    }

    /** Whether every line is valid (each field shows its own problem). */
    public boolean validate() {
        boolean valid = true;
        for (Row row : rows) {
            valid &= row.binder.validate().isOk();
        }
        return valid;
    }

    /** Shows each line's net as the totals worked it out. */
    public void showNets(List<BigDecimal> nets, String currency) {
        for (int i = 0; i < rows.size() && i < nets.size(); i++) {
            rows.get(i).net.setText(Format.money(nets.get(i), currency));
        }
    }

    private Row row(L line) {
        Row row = new Row(line);
        row.description.setWidthFull();
        row.description.setAriaLabel(grid.getTranslation("documents.line.description"));
        row.description.setMaxLength(500);
        row.binder.bind(row.description, "description");
        number(row, row.quantity, "documents.line.quantity", "quantity");
        number(row, row.price, "documents.line.price", "unitPrice");
        number(row, row.discount, "documents.line.discount", "discountPercent");
        List<BigDecimal> rates = fields.taxChoices();
        if (rates.isEmpty()) {
            number(row, row.vat, "documents.line.vat", "vatPercent");
        } else {
            row.vat.setAriaLabel(grid.getTranslation("documents.line.vat"));
            row.vat.setWidthFull();
            row.vat.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
            row.vat.setTooltipText(
                    String.join(" · ", rates.stream().map(Format::percent).toList()));
            row.binder
                    .forField(row.vat)
                    .withValidator(
                            rate -> rate == null || rates.stream().anyMatch(r -> r.compareTo(rate) == 0),
                            grid.getTranslation(
                                    "documents.line.vat-choices",
                                    String.join(
                                            ", ",
                                            rates.stream().map(Format::percent).toList())))
                    .bind("vatPercent");
        }
        String proposal = fields.priceProposal(line);
        if (proposal != null) {
            row.price.setTooltipText(proposal);
        }
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
        row.remove.setAriaLabel(grid.getTranslation("documents.editor.remove-line"));
        row.remove.setTooltipText(grid.getTranslation("documents.editor.remove-line"));
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
