package com.nexo.production.ui;

import com.nexo.base.ui.Format;
import com.nexo.production.floor.FloorOrder;
import com.nexo.production.floor.ScanResult;
import com.nexo.production.floor.ShopFloorService;
import com.nexo.production.orders.MaterialUse;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Records on an order from a scanned or typed code: the produced article records output (and
 * consumes what the bill says for it), one of its materials records that consumption.
 */
class ShopFloorRecordDialog extends Dialog {

    private final ShopFloorView view;
    private final transient ShopFloorService floor;
    private final transient ProductionOrderService orders;
    private final transient FloorOrder order;

    final TextField scan = new TextField();
    final BigDecimalField quantity = new BigDecimalField();
    final Paragraph found = new Paragraph();
    final Button confirm = new Button();

    ShopFloorRecordDialog(ShopFloorView view, ShopFloorService floor, ProductionOrderService orders, FloorOrder order) {
        this.view = view;
        this.floor = floor;
        this.orders = orders;
        this.order = order;
        addClassName("floor-record-dialog");
        setHeaderTitle(getTranslation("production.floor.record-title", order.number()));
        setWidth("30rem");
        setMaxWidth("100%");
        scan.setId("floor-scan");
        scan.setLabel(getTranslation("production.floor.scan"));
        scan.setHelperText(getTranslation("production.floor.scan-help"));
        scan.setWidthFull();
        scan.setAutofocus(true);
        scan.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        scan.addValueChangeListener(change -> show(resolve()));
        quantity.setId("floor-quantity");
        quantity.setLabel(getTranslation("production.floor.quantity"));
        quantity.setWidthFull();
        quantity.setValue(BigDecimal.ONE);
        scan.getStyle()
                .set("--vaadin-input-field-height", ShopFloorView.TOUCH)
                .set("font-size", "var(--lumo-font-size-l)");
        quantity.getStyle()
                .set("--vaadin-input-field-height", ShopFloorView.TOUCH)
                .set("font-size", "var(--lumo-font-size-l)");
        found.addClassName("floor-scan-found");
        add(scan, quantity, found);

        confirm.setId("floor-confirm");
        confirm.setText(getTranslation("production.floor.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.getStyle().set("min-height", ShopFloorView.TOUCH);
        confirm.addClickListener(click -> confirm());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cancel.getStyle().set("min-height", ShopFloorView.TOUCH);
        getFooter().add(cancel, confirm);
    }

    private ScanResult resolve() {
        return floor.resolve(order.orderId(), scan.getValue());
    }

    private void show(ScanResult result) {
        scan.setInvalid(false);
        switch (result.kind()) {
            case OUTPUT ->
                found.setText(getTranslation(
                        "production.floor.scan-output", result.article().label(getLocale())));
            case MATERIAL ->
                found.setText(getTranslation(
                        "production.floor.scan-material", result.article().label(getLocale())));
            case NOT_IN_ORDER ->
                refuse(getTranslation(
                        "production.floor.scan-not-in-order", result.article().label(getLocale())));
            case UNKNOWN -> {
                if (scan.isEmpty()) {
                    found.setText("");
                } else {
                    refuse(getTranslation(
                            "production.floor.scan-unknown", scan.getValue().strip()));
                }
            }
        }
    }

    private void refuse(String text) {
        found.setText("");
        scan.setInvalid(true);
        scan.setErrorMessage(text);
    }

    private void confirm() {
        quantity.setInvalid(false);
        BigDecimal amount = quantity.getValue();
        if (amount == null || amount.signum() <= 0) {
            quantity.setInvalid(true);
            quantity.setErrorMessage(getTranslation("production.floor.quantity-positive"));
            return;
        }
        ScanResult result = resolve();
        show(result);
        switch (result.kind()) {
            case OUTPUT -> {
                close();
                view.act(
                        () -> orders.produce(order.orderId(), amount, true),
                        getTranslation(
                                "production.floor.produced",
                                Format.decimal(amount, 0, 4),
                                result.article().label(getLocale())));
            }
            case MATERIAL -> {
                close();
                view.act(
                        () -> orders.consume(order.orderId(), List.of(new MaterialUse(result.materialId(), amount))),
                        getTranslation(
                                "production.floor.consumed",
                                Format.decimal(amount, 0, 4),
                                result.article().label(getLocale())));
            }
            case NOT_IN_ORDER, UNKNOWN -> {
                if (scan.isEmpty()) {
                    scan.setInvalid(true);
                    scan.setErrorMessage(getTranslation("production.floor.scan-required"));
                }
            }
        }
    }
}
