package com.nexo.production.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderDetails;
import com.nexo.production.orders.OrderMaterial;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scrap on an order: of one of its materials (issued from stock) or of the produced article; with a reason. */
class ProductionOrderScrapDialog extends Dialog {

    final Select<Optional<OrderMaterial>> what = new Select<>();
    final BigDecimalField quantity = new BigDecimalField();
    final TextField reason = new TextField();
    final Button confirm = new Button();

    ProductionOrderScrapDialog(ProductionOrderService orders, OrderDetails order, Runnable done) {
        setHeaderTitle(getTranslation("production.orders.scrap-title"));
        setWidth("min(28rem, 95vw)");
        what.setId("scrap-what");
        what.setLabel(getTranslation("production.orders.scrap-what"));
        List<Optional<OrderMaterial>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        order.materials().forEach(material -> choices.add(Optional.of(material)));
        what.setItems(choices);
        what.setItemLabelGenerator(choice -> choice.map(m -> m.articleCode() + " · " + m.articleName())
                .orElse(getTranslation("production.orders.scrap-output", order.articleCode())));
        what.setValue(Optional.empty());
        what.setWidthFull();
        quantity.setId("scrap-quantity");
        quantity.setLabel(getTranslation("production.orders.field.quantity"));
        reason.setId("scrap-reason");
        reason.setLabel(getTranslation("production.orders.field.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(what, quantity, reason);
        confirm.setId("scrap-confirm");
        confirm.setText(getTranslation("production.orders.scrap-confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            reason.setInvalid(false);
            quantity.setInvalid(false);
            try {
                orders.scrap(
                        order.header().id(),
                        what.getValue().map(OrderMaterial::id).orElse(null),
                        quantity.getValue(),
                        reason.getValue());
                close();
                Notices.success(getTranslation("production.orders.scrapped"));
                done.run();
            } catch (ProductionRuleException e) {
                String message = ProductionOrderTexts.refusal(this, e);
                if ("reason".equals(e.field())) {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                } else if ("quantity".equals(e.field())) {
                    quantity.setErrorMessage(message);
                    quantity.setInvalid(true);
                } else {
                    Notices.error(message);
                }
            } catch (ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
        });
        getFooter().add(new Button(getTranslation("production.orders.dialog-cancel"), click -> close()), confirm);
    }
}
