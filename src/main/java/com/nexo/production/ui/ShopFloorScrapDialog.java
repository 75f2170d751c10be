package com.nexo.production.ui;

import com.nexo.base.ui.Format;
import com.nexo.production.floor.FloorOrder;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;

/** Scraps a quantity of the order's article, with a reason chosen from a short list and, if wanted, words of one's own. */
class ShopFloorScrapDialog extends Dialog {

    /** The reasons offered, as translation keys; "other" needs words of one's own. */
    static final List<String> REASONS = List.of(
            "production.floor.reason.damaged",
            "production.floor.reason.defective",
            "production.floor.reason.setup",
            "production.floor.reason.other");

    private final ShopFloorView view;
    private final transient ProductionOrderService orders;
    private final transient FloorOrder order;

    final BigDecimalField quantity = new BigDecimalField();
    final RadioButtonGroup<String> reason = new RadioButtonGroup<>();
    final TextField note = new TextField();
    final Button confirm = new Button();

    ShopFloorScrapDialog(ShopFloorView view, ProductionOrderService orders, FloorOrder order) {
        this.view = view;
        this.orders = orders;
        this.order = order;
        addClassName("floor-scrap-dialog");
        setHeaderTitle(getTranslation("production.floor.scrap-title", order.number()));
        setWidth("30rem");
        setMaxWidth("100%");
        quantity.setId("floor-scrap-quantity");
        quantity.setLabel(getTranslation("production.floor.quantity"));
        quantity.setWidthFull();
        quantity.getStyle().set("--vaadin-input-field-height", ShopFloorView.TOUCH);
        reason.setId("floor-scrap-reason");
        reason.setLabel(getTranslation("production.floor.reason"));
        reason.setItems(REASONS);
        reason.setItemLabelGenerator(this::translateReason);
        reason.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        reason.getStyle().set("font-size", "var(--lumo-font-size-l)");
        note.setId("floor-scrap-note");
        note.setLabel(getTranslation("production.floor.reason-note"));
        note.setMaxLength(200);
        note.setWidthFull();
        note.getStyle().set("--vaadin-input-field-height", ShopFloorView.TOUCH);
        add(quantity, reason, note);

        confirm.setId("floor-scrap-confirm");
        confirm.setText(getTranslation("production.floor.scrap"));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.getStyle().set("min-height", ShopFloorView.TOUCH);
        confirm.addClickListener(click -> confirm());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cancel.getStyle().set("min-height", ShopFloorView.TOUCH);
        getFooter().add(cancel, confirm);
    }

    private String translateReason(String key) {
        return switch (key) {
            case "production.floor.reason.damaged" -> getTranslation("production.floor.reason.damaged");
            case "production.floor.reason.defective" -> getTranslation("production.floor.reason.defective");
            case "production.floor.reason.setup" -> getTranslation("production.floor.reason.setup");
            default -> getTranslation("production.floor.reason.other");
        };
    }

    private void confirm() {
        quantity.setInvalid(false);
        reason.setInvalid(false);
        note.setInvalid(false);
        BigDecimal amount = quantity.getValue();
        boolean wrong = false;
        if (amount == null || amount.signum() <= 0) {
            quantity.setInvalid(true);
            quantity.setErrorMessage(getTranslation("production.floor.quantity-positive"));
            wrong = true;
        }
        String words = note.getValue() == null ? "" : note.getValue().strip();
        if (reason.getValue() == null) {
            reason.setInvalid(true);
            reason.setErrorMessage(getTranslation("production.floor.reason-required"));
            wrong = true;
        } else if (reason.getValue().endsWith(".other") && words.isEmpty()) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation("production.floor.reason-note-required"));
            wrong = true;
        }
        if (wrong) {
            return;
        }
        String text = reason.getValue().endsWith(".other")
                ? words
                : translateReason(reason.getValue()) + (words.isEmpty() ? "" : ": " + words);
        close();
        view.act(
                () -> orders.scrap(order.orderId(), null, amount, text),
                getTranslation("production.floor.scrapped", Format.decimal(amount, 0, 4)));
    }
}
