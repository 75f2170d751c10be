package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.stock.StockEntry;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.articles.warehouses.WarehouseLocation;
import com.nexo.articles.warehouses.WarehouseService;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;

/**
 * Corrects the stock of one article in one warehouse with an adjustment movement: either by a
 * signed difference (−2 for a broken part, +1 for a box found), or to a quantity just counted, in
 * which case the difference to what is on hand now is recorded. A reason is required.
 */
class StockAdjustmentDialog extends Dialog {

    /** How the quantity typed is meant. */
    enum Mode {
        DIFFERENCE,
        COUNTED
    }

    private final transient StockService stock;
    private final transient WarehouseService warehouses;
    private final transient List<UnitOfMeasure> units;
    private final ArticleRow article;
    private final Runnable onMoved;

    final ComboBox<Warehouse> warehouse = new ComboBox<>();
    final ComboBox<WarehouseLocation> location = new ComboBox<>();
    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final BigDecimalField quantity = new BigDecimalField();
    final ComboBox<UnitOfMeasure> unit = new ComboBox<>();
    final TextField reason = new TextField();
    final TextField document = new TextField();
    final Span onHand = new Span();
    final Button save = new Button();

    StockAdjustmentDialog(
            StockService stock,
            WarehouseService warehouses,
            ArticleRow article,
            List<Warehouse> active,
            Warehouse preselected,
            List<UnitOfMeasure> units,
            Runnable onMoved) {
        this.stock = stock;
        this.warehouses = warehouses;
        this.units = units;
        this.article = article;
        this.onMoved = onMoved;
        addClassName("stock-dialog");
        setHeaderTitle(getTranslation("stock.adjust.title", article.code()));
        setWidth("36rem");
        setMaxWidth("100%");

        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setItems(active);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        warehouse.setRequired(true);
        warehouse.addValueChangeListener(event -> warehouseChanged());
        location.setLabel(getTranslation("stock.location"));
        location.setItemLabelGenerator(StockFields::location);
        location.setClearButtonVisible(true);
        mode.setLabel(getTranslation("stock.adjust.mode"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(value -> value == Mode.DIFFERENCE
                ? getTranslation("stock.adjust.mode-difference")
                : getTranslation("stock.adjust.mode-counted"));
        mode.setValue(Mode.DIFFERENCE);
        mode.addValueChangeListener(event -> modeChanged());
        quantity.setRequiredIndicatorVisible(true);
        unit.setLabel(getTranslation("stock.unit"));
        unit.setItemLabelGenerator(value -> StockFields.unit(getLocale(), value));
        StockFields.offerUnits(unit, article, units);
        reason.setLabel(getTranslation("stock.reason"));
        reason.setRequired(true);
        document.setLabel(getTranslation("stock.document"));
        document.setMaxLength(80);
        onHand.addClassName("stock-on-hand-hint");

        FormLayout form = new FormLayout(warehouse, location, mode, quantity, unit, reason, document, onHand);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        form.setColspan(mode, 2);
        form.setColspan(onHand, 2);
        add(form);
        warehouse.setValue(preselected);
        modeChanged();

        save.setText(getTranslation("stock.adjust.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("action.cancel"), event -> close());
        getFooter().add(cancel, save);
    }

    private void warehouseChanged() {
        List<WarehouseLocation> places = warehouse.getValue() == null
                ? List.of()
                : warehouses.listLocations(warehouse.getValue().getId());
        location.setItems(places);
        location.setVisible(!places.isEmpty());
        onHand.setText(
                warehouse.getValue() == null
                        ? ""
                        : getTranslation(
                                "stock.adjust.on-hand-now",
                                StockFields.plain(onHandNow()),
                                article.unitCode(),
                                warehouse.getValue().getCode()));
    }

    private BigDecimal onHandNow() {
        return stock.position(article.id(), warehouse.getValue().getId()).onHand();
    }

    private void modeChanged() {
        boolean counted = mode.getValue() == Mode.COUNTED;
        quantity.setLabel(counted ? getTranslation("stock.adjust.counted") : getTranslation("stock.adjust.difference"));
        // A count is compared with on hand, which is kept in the article's own unit.
        if (counted) {
            StockFields.offerUnits(unit, article, units);
        }
        unit.setReadOnly(counted);
    }

    void save() {
        boolean valid = warehouse.getValue() != null;
        warehouse.setInvalid(!valid);
        warehouse.setErrorMessage(valid ? null : getTranslation("stock.validation.required"));
        boolean hasReason = !reason.getValue().isBlank();
        reason.setInvalid(!hasReason);
        reason.setErrorMessage(hasReason ? null : getTranslation("stock.error.reason-required"));
        BigDecimal typed = quantity.getValue();
        boolean counted = mode.getValue() == Mode.COUNTED;
        boolean quantityValid = typed != null && (counted ? typed.signum() >= 0 : typed.signum() != 0);
        quantity.setInvalid(!quantityValid);
        quantity.setErrorMessage(
                quantityValid
                        ? null
                        : counted
                                ? getTranslation("stock.error.count-negative")
                                : getTranslation("stock.error.quantity-required"));
        if (!valid || !hasReason || !quantityValid) {
            return;
        }
        BigDecimal difference = counted ? typed.subtract(onHandNow()) : typed;
        if (difference.signum() == 0) {
            close();
            Notices.success(getTranslation("stock.adjust.nothing"));
            return;
        }
        String reference = document.getValue().strip();
        try {
            stock.adjust(new StockEntry(
                    article.id(),
                    warehouse.getValue().getId(),
                    StockFields.idOf(location.getValue()),
                    difference,
                    counted ? null : StockFields.idOf(unit.getValue()),
                    null,
                    reason.getValue(),
                    reference.isEmpty() ? null : StockFields.MANUAL_SOURCE,
                    reference.isEmpty() ? null : reference));
        } catch (ArticleRuleException e) {
            StockFields.show(this, e);
            return;
        }
        close();
        Notices.success(getTranslation("stock.moved"));
        onMoved.run();
    }
}
