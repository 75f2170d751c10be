package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.stock.AdjustmentForm;
import com.nexo.articles.stock.AdjustmentForm.Mode;
import com.nexo.articles.stock.StockArticle;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.warehouses.LocationRow;
import com.nexo.articles.warehouses.WarehouseRow;
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
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Corrects the stock of one article in one warehouse with an adjustment movement: either by a
 * signed difference (−2 for a broken part, +1 for a box found), or to a quantity just counted, in
 * which case the service records the difference to what is on hand then. A reason is required.
 */
class StockAdjustmentDialog extends Dialog {

    private final transient StockService stock;
    private final transient WarehouseService warehouses;
    private final transient List<UnitRow> units;
    private final StockArticle article;
    private final transient Runnable onMoved;
    private final BeanValidationBinder<AdjustmentForm> binder = new BeanValidationBinder<>(AdjustmentForm.class);

    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    final ComboBox<LocationRow> location = new ComboBox<>();
    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final BigDecimalField quantity = new BigDecimalField();
    final ComboBox<UnitRow> unit = new ComboBox<>();
    final TextField reason = new TextField();
    final TextField document = new TextField();
    final Span onHand = new Span();
    final Button save = new Button();

    StockAdjustmentDialog(
            StockService stock,
            WarehouseService warehouses,
            StockArticle article,
            List<WarehouseRow> active,
            WarehouseRow preselected,
            List<UnitRow> units,
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
        warehouse.addValueChangeListener(event -> warehouseChanged());
        location.setLabel(getTranslation("stock.location"));
        location.setItemLabelGenerator(StockFields::location);
        location.setClearButtonVisible(true);
        location.setVisible(false);
        mode.setLabel(getTranslation("stock.adjust.mode"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(value -> value == Mode.DIFFERENCE
                ? getTranslation("stock.adjust.mode-difference")
                : getTranslation("stock.adjust.mode-counted"));
        mode.addValueChangeListener(event -> modeChanged());
        unit.setLabel(getTranslation("stock.unit"));
        unit.setItemLabelGenerator(value -> StockFields.unit(getLocale(), value));
        StockFields.offerUnits(unit, article, units);
        reason.setLabel(getTranslation("stock.reason"));
        reason.setMaxLength(200);
        document.setLabel(getTranslation("stock.document"));
        document.setMaxLength(80);
        onHand.addClassName("stock-on-hand-hint");

        binder.forField(warehouse)
                .withConverter(
                        StockFields::idOf, id -> StockFields.find(active, id).orElse(null))
                .bind("warehouseId");
        binder.forField(location)
                .withConverter(StockFields::idOf, id -> location.getValue())
                .bind("locationId");
        binder.forField(mode).bind("mode");
        binder.forField(quantity).bind("quantity");
        binder.forField(unit)
                .withConverter(StockFields::idOf, id -> unit.getValue())
                .bind("unitId");
        binder.forField(reason).bind("reason");
        binder.forField(document).bind("document");
        binder.readRecord(AdjustmentForm.in(StockFields.idOf(preselected), StockFields.idOf(unit.getValue())));

        FormLayout form = new FormLayout(warehouse, location, mode, quantity, unit, reason, document, onHand);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        form.setColspan(mode, 2);
        form.setColspan(onHand, 2);
        add(form);
        modeChanged();

        save.setText(getTranslation("stock.adjust.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("action.cancel"), event -> close());
        getFooter().add(cancel, save);
    }

    private void warehouseChanged() {
        List<LocationRow> places = warehouse.getValue() == null
                ? List.of()
                : warehouses.listLocations(warehouse.getValue().id());
        location.setItems(places);
        location.setVisible(!places.isEmpty());
        onHand.setText(
                warehouse.getValue() == null
                        ? ""
                        : getTranslation(
                                "stock.adjust.on-hand-now",
                                StockFields.quantity(
                                        stock.position(
                                                        article.id(),
                                                        warehouse.getValue().id())
                                                .onHand(),
                                        article.unitDecimals()),
                                article.unitCode(),
                                warehouse.getValue().code()));
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
        AdjustmentForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        Optional<UUID> movement;
        try {
            movement = stock.adjust(article.id(), form);
        } catch (ArticleRuleException e) {
            if (e.messageKey().startsWith("stock.error.count-negative")
                    || e.messageKey().startsWith("stock.error.quantity")) {
                quantity.setInvalid(true);
                quantity.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            } else {
                StockFields.show(this, e);
            }
            return;
        }
        close();
        Notices.success(movement.isPresent() ? getTranslation("stock.moved") : getTranslation("stock.adjust.nothing"));
        onMoved.run();
    }
}
