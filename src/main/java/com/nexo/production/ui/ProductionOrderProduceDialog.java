package com.nexo.production.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderDetails;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.BigDecimalField;

/** Output of an order into its warehouse; by default also consumes what the bill says for it. */
class ProductionOrderProduceDialog extends Dialog {

    final BigDecimalField quantity = new BigDecimalField();
    final Checkbox consume = new Checkbox();
    final Button confirm = new Button();

    ProductionOrderProduceDialog(ProductionOrderService orders, OrderDetails order, Runnable done) {
        setHeaderTitle(getTranslation("production.orders.produce-title"));
        setWidth("min(26rem, 95vw)");
        quantity.setId("produce-quantity");
        quantity.setLabel(getTranslation("production.orders.field.quantity"));
        quantity.setValue(order.header().remaining());
        quantity.setHelperText(getTranslation(
                "production.orders.produce-left",
                ProductionOrderTexts.quantity(order.header().remaining()),
                order.unitCode()));
        consume.setId("produce-consume");
        consume.setLabel(getTranslation("production.orders.produce-consume"));
        consume.setValue(true);
        add(quantity, consume);
        confirm.setId("produce-confirm");
        confirm.setText(getTranslation("production.orders.produce-confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            try {
                orders.produce(order.header().id(), quantity.getValue(), consume.getValue());
                close();
                Notices.success(getTranslation("production.orders.produced"));
                done.run();
            } catch (ProductionRuleException e) {
                quantity.setErrorMessage(ProductionOrderTexts.refusal(this, e));
                quantity.setInvalid(true);
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
        });
        getFooter().add(new Button(getTranslation("production.orders.dialog-cancel"), click -> close()), confirm);
    }
}
