package com.nexo.production.ui;

import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderDetails;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/** Cancels an order that has not started, with a reason; its reservations and unstarted child orders go too. */
class ProductionOrderCancelDialog extends Dialog {

    final TextField reason = new TextField();
    final Button confirm = new Button();

    ProductionOrderCancelDialog(ProductionOrderService orders, OrderDetails order, Runnable done) {
        setHeaderTitle(getTranslation("production.orders.cancel-title"));
        setWidth("min(28rem, 95vw)");
        reason.setId("cancel-reason");
        reason.setLabel(getTranslation("production.orders.field.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(new Paragraph(getTranslation("production.orders.cancel-explained")), reason);
        confirm.setId("cancel-confirm");
        confirm.setText(getTranslation("production.orders.cancel-confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            try {
                orders.cancel(order.header().id(), order.header().version(), reason.getValue());
                close();
                Notices.success(getTranslation("production.orders.cancelled"));
                done.run();
            } catch (ProductionRuleException e) {
                if ("reason".equals(e.field())) {
                    reason.setErrorMessage(ProductionOrderTexts.refusal(this, e));
                    reason.setInvalid(true);
                } else {
                    close();
                    Notices.error(ProductionOrderTexts.refusal(this, e));
                    done.run();
                }
            }
        });
        getFooter().add(new Button(getTranslation("production.orders.dialog-cancel"), click -> close()), confirm);
    }
}
