package com.nexo.production.ui;

import com.nexo.production.floor.FloorOrder;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before finishing an order (what is still reserved for it goes back to available). */
class ShopFloorFinishDialog extends Dialog {

    final Button confirm = new Button();

    ShopFloorFinishDialog(ShopFloorView view, ProductionOrderService orders, FloorOrder order) {
        addClassName("floor-finish-dialog");
        setHeaderTitle(getTranslation("production.floor.finish-title", order.number()));
        setMaxWidth("100%");
        add(new Paragraph(getTranslation("production.floor.finish-text")));
        confirm.setId("floor-finish-confirm");
        confirm.setText(getTranslation("production.floor.finish"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        confirm.getStyle().set("min-height", ShopFloorView.TOUCH);
        confirm.addClickListener(click -> {
            close();
            view.act(
                    () -> orders.complete(order.orderId()),
                    getTranslation("production.floor.finished", order.number()));
        });
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_LARGE);
        cancel.getStyle().set("min-height", ShopFloorView.TOUCH);
        getFooter().add(cancel, confirm);
    }
}
