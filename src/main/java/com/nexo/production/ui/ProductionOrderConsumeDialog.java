package com.nexo.production.ui;

import com.nexo.base.ui.Notices;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.MaterialUse;
import com.nexo.production.orders.OrderDetails;
import com.nexo.production.orders.OrderMaterial;
import com.nexo.production.orders.ProductionOrderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consumption of an order's materials: the bill proposes the quantities for the units made, the
 * user adjusts any of them, and only what is above zero is issued.
 */
class ProductionOrderConsumeDialog extends Dialog {

    final BigDecimalField made = new BigDecimalField();
    final Map<UUID, BigDecimalField> quantities = new LinkedHashMap<>();
    final Button confirm = new Button();

    ProductionOrderConsumeDialog(ProductionOrderService orders, OrderDetails order, Runnable done) {
        setHeaderTitle(getTranslation("production.orders.consume-title"));
        setWidth("min(36rem, 95vw)");
        made.setId("consume-made");
        made.setLabel(getTranslation("production.orders.consume-made"));
        made.setHelperText(getTranslation("production.orders.consume-made-help"));
        FormLayout lines = new FormLayout();
        lines.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
        for (OrderMaterial material : order.materials()) {
            BigDecimalField field = new BigDecimalField(material.articleCode() + " · " + material.articleName());
            field.setHelperText(getTranslation(
                    "production.orders.consume-left",
                    ProductionOrderTexts.quantity(material.toConsume()),
                    material.unitCode()));
            field.addClassName("consume-line");
            quantities.put(material.id(), field);
            lines.add(field);
        }
        made.addValueChangeListener(event -> {
            BigDecimal value = event.getValue();
            quantities.values().forEach(field -> field.setValue(null));
            if (value != null && value.signum() > 0) {
                for (MaterialUse use : orders.proposedConsumption(order.header().id(), value)) {
                    BigDecimalField field = quantities.get(use.materialId());
                    if (field != null) {
                        field.setValue(use.quantity());
                    }
                }
            }
        });
        add(made, lines);
        confirm.setId("consume-confirm");
        confirm.setText(getTranslation("production.orders.consume-confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            List<MaterialUse> uses = new ArrayList<>();
            quantities.forEach((id, field) -> {
                if (field.getValue() != null && field.getValue().signum() != 0) {
                    uses.add(new MaterialUse(id, field.getValue()));
                }
            });
            if (uses.isEmpty()) {
                Notices.error(getTranslation("production.orders.consume-nothing"));
                return;
            }
            try {
                orders.consume(order.header().id(), uses);
                close();
                Notices.success(getTranslation("production.orders.consumed"));
                done.run();
            } catch (ProductionRuleException e) {
                Notices.error(ProductionOrderTexts.refusal(this, e));
            } catch (com.nexo.articles.ArticleRuleException e) {
                Notices.error(getTranslation(e.messageKey(), e.arguments()));
            }
        });
        getFooter().add(new Button(getTranslation("production.orders.dialog-cancel"), click -> close()), confirm);
    }
}
