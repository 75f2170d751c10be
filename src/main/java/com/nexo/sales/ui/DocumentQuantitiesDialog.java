package com.nexo.sales.ui;

import com.nexo.base.ui.Notices;
import com.nexo.sales.SalesRuleException;
import com.nexo.sales.documents.DocumentLineRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Chooses lines and quantities for the next document of the flow: an order from a quote's lines, a
 * delivery note from what is left of an order. Each line starts at its default (all of it, what is
 * left); zero leaves a line out. The step is taken by {@code step}; a refusal is shown here and the
 * dialog stays open, with nothing changed.
 */
class DocumentQuantitiesDialog extends Dialog {

    final Grid<DocumentLineRow> lines = new Grid<>();
    final Map<UUID, BigDecimalField> quantities = new LinkedHashMap<>();
    final Button confirm;

    DocumentQuantitiesDialog(
            String title,
            String intro,
            String confirmText,
            List<DocumentLineRow> rows,
            Function<DocumentLineRow, BigDecimal> defaultQuantity,
            Consumer<Map<UUID, BigDecimal>> step) {
        setHeaderTitle(title);
        addClassName("document-quantities-dialog");
        setWidth("min(48rem, 100%)");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        lines.setAllRowsVisible(true);
        lines.addColumn(DocumentLineRow::position)
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.addColumn(DocumentLineRow::description)
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(3);
        lines.addColumn(row -> DocumentViewTexts.quantity(defaultQuantity.apply(row)))
                .setHeader(getTranslation("sales.page.dialog.left"))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (DocumentLineRow row : rows) {
            BigDecimalField field = new BigDecimalField();
            field.setValue(defaultQuantity.apply(row));
            field.setWidth("7rem");
            field.setAriaLabel(getTranslation("documents.line.quantity"));
            quantities.put(row.id(), field);
        }
        lines.addComponentColumn(row -> quantities.get(row.id()))
                .setHeader(getTranslation("documents.line.quantity"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        lines.setItems(rows);
        add(new Paragraph(intro), lines);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        confirm = new Button(confirmText, click -> {
            Map<UUID, BigDecimal> chosen = new LinkedHashMap<>();
            rows.forEach(row -> {
                BigDecimal value = quantities.get(row.id()).getValue();
                chosen.put(row.id(), value == null ? BigDecimal.ZERO : value);
            });
            try {
                step.accept(chosen);
                close();
            } catch (SalesRuleException refusal) {
                Notices.error(DocumentViewTexts.refusal(this, refusal));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
    }

    /** The quantity field of a line. */
    BigDecimalField quantityOf(UUID lineId) {
        return quantities.get(lineId);
    }
}
