package com.nexo.purchasing.ui;

import com.nexo.base.ui.Notices;
import com.nexo.purchasing.PurchasingRuleException;
import com.nexo.purchasing.documents.AnswerLine;
import com.nexo.purchasing.documents.PurchaseLine;
import com.nexo.purchasing.documents.Rfq;
import com.nexo.purchasing.documents.RfqSupplier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A supplier's answer to an RFQ as the buyer copies it from the supplier's quotation: its reference
 * and validity, and for each line it quotes price, discount, quantity and delivery date. A line left
 * without a price is not quoted. A refusal is shown without closing.
 */
class RfqAnswerDialog extends Dialog {

    /** Records the answer (a service call that may refuse it). */
    @FunctionalInterface
    interface Recorder {
        void record(String reference, LocalDate validUntil, List<AnswerLine> lines);
    }

    /** One RFQ line's fields. */
    static final class LineFields {
        final PurchaseLine line;
        final BigDecimalField price = new BigDecimalField();
        final BigDecimalField discount = new BigDecimalField();
        final BigDecimalField quantity = new BigDecimalField();
        final DatePicker delivery = new DatePicker();

        LineFields(PurchaseLine line) {
            this.line = line;
        }
    }

    final TextField reference = new TextField();
    final DatePicker validUntil = new DatePicker();
    final List<LineFields> fields = new ArrayList<>();
    final Button save;

    RfqAnswerDialog(Rfq rfq, RfqSupplier supplier, Recorder recorder) {
        setHeaderTitle(getTranslation("purchasing.answer.title", supplier.supplierName()));
        addClassName("rfq-answer-dialog");
        setWidth("min(60rem, 100%)");
        reference.setLabel(getTranslation("purchasing.field.supplier-reference"));
        reference.setMaxLength(100);
        reference.setValue(supplier.supplierReference() == null ? "" : supplier.supplierReference());
        validUntil.setLabel(getTranslation("purchasing.answer.valid-until"));
        validUntil.setValue(supplier.validUntil());
        FormLayout header = new FormLayout(reference, validUntil);
        header.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));

        for (PurchaseLine line : rfq.document().lines()) {
            LineFields row = new LineFields(line);
            row.price.setAriaLabel(getTranslation("purchasing.compare.price"));
            row.discount.setAriaLabel(getTranslation("purchasing.compare.discount"));
            row.quantity.setAriaLabel(getTranslation("purchasing.compare.quantity"));
            row.quantity.setValue(line.quantity());
            row.delivery.setAriaLabel(getTranslation("purchasing.compare.delivery"));
            for (var field : List.of(row.price, row.discount, row.quantity)) {
                field.setWidthFull();
            }
            row.delivery.setWidthFull();
            fields.add(row);
        }
        Grid<LineFields> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(row -> row.line.description())
                .setHeader(getTranslation("documents.line.description"))
                .setFlexGrow(2);
        grid.addColumn(row -> PurchaseTexts.quantity(row.line.quantity()))
                .setHeader(getTranslation("purchasing.answer.asked"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.price)
                .setHeader(getTranslation("purchasing.compare.price"))
                .setWidth("7rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.discount)
                .setHeader(getTranslation("purchasing.compare.discount"))
                .setWidth("5.5rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.quantity)
                .setHeader(getTranslation("purchasing.compare.quantity"))
                .setWidth("6rem")
                .setFlexGrow(0);
        grid.addComponentColumn(row -> row.delivery)
                .setHeader(getTranslation("purchasing.compare.delivery"))
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.setItems(fields);
        add(header, grid);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        save = new Button(getTranslation("purchasing.answer.save"), click -> {
            List<AnswerLine> lines = fields.stream()
                    .filter(row -> row.price.getValue() != null)
                    .map(row -> new AnswerLine(
                            row.line.id(),
                            row.price.getValue(),
                            row.discount.getValue() == null ? BigDecimal.ZERO : row.discount.getValue(),
                            row.quantity.getValue(),
                            row.delivery.getValue()))
                    .toList();
            try {
                recorder.record(reference.getValue(), validUntil.getValue(), lines);
                close();
            } catch (PurchasingRuleException refusal) {
                Notices.error(PurchaseTexts.refusal(this, refusal));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }

    /** The fields of an RFQ line, by line id (for tests). */
    Map<UUID, LineFields> byLine() {
        return fields.stream().collect(Collectors.toMap(row -> row.line.id(), row -> row));
    }
}
