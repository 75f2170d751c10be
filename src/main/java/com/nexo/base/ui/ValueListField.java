package com.nexo.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Several values of one kind (e-mails, phones) as a column of text fields with a remove button each
 * and an "add" button below. Its value is the non-blank entries, stripped, in order.
 */
public class ValueListField extends CustomField<List<String>> {

    private final Div rows = new Div();
    private final Supplier<TextField> fieldFactory;
    private final String removeLabel;

    /**
     * @param fieldFactory makes one entry's field (a TextField, or an EmailField-like TextField with
     *     its own pattern), so each entry can validate itself in the browser
     */
    public ValueListField(String label, String addLabel, String removeLabel, Supplier<TextField> fieldFactory) {
        this.fieldFactory = fieldFactory;
        this.removeLabel = removeLabel;
        setLabel(label);
        addClassName("value-list-field");
        rows.addClassName("value-list-rows");
        Button add = new Button(
                addLabel, VaadinIcon.PLUS.create(), click -> addRow("").focus());
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClassName("value-list-add");
        add(rows, add);
    }

    private TextField addRow(String value) {
        TextField field = fieldFactory.get();
        field.setValue(value == null ? "" : value);
        field.addValueChangeListener(change -> updateValue());
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        remove.setAriaLabel(removeLabel);
        remove.setTooltipText(removeLabel);
        Div row = new Div(field, remove);
        row.addClassName("value-list-row");
        remove.addClickListener(click -> {
            rows.remove(row);
            updateValue();
        });
        rows.add(row);
        return field;
    }

    /** The entries' fields, in order (for tests and for marking one invalid). */
    public List<TextField> entryFields() {
        return rows.getChildren()
                .map(row -> (TextField) row.getChildren().findFirst().orElseThrow())
                .toList();
    }

    @Override
    protected List<String> generateModelValue() {
        List<String> values = new ArrayList<>();
        for (TextField field : entryFields()) {
            String value = field.getValue() == null ? "" : field.getValue().strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    protected void setPresentationValue(List<String> values) {
        rows.removeAll();
        if (values != null) {
            values.forEach(this::addRow);
        }
    }

    @Override
    public List<String> getEmptyValue() {
        return List.of();
    }
}
