package com.nexo.production.ui;

import com.nexo.articles.ArticleDirectory;
import com.nexo.articles.ArticleDirectory.ArticleSummary;
import com.nexo.articles.ArticleDirectory.WarehouseSummary;
import com.nexo.production.ProductionRuleException;
import com.nexo.production.orders.OrderForm;
import com.nexo.production.orders.ProductionOrderService;
import com.nexo.production.work.WorkCentre;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new production order: article, quantity, due date, warehouse and work centre (the bill's when none
 * is chosen); opens the order once created.
 */
class ProductionOrderDialog extends Dialog {

    final ComboBox<ArticleSummary> article = new ComboBox<>();
    final BigDecimalField quantity = new BigDecimalField();
    final DatePicker due = new DatePicker();
    final ComboBox<WarehouseSummary> warehouse = new ComboBox<>();
    final ComboBox<WorkCentre> centre = new ComboBox<>();
    final Button create = new Button();

    ProductionOrderDialog(
            ProductionOrderService orders,
            ArticleDirectory directory,
            List<WorkCentre> centres,
            Clock clock,
            Consumer<UUID> created) {
        setHeaderTitle(getTranslation("production.orders.new-title"));
        addClassName("production-order-dialog");
        setWidth("min(32rem, 95vw)");
        article.setId("order-article");
        article.setLabel(getTranslation("production.orders.field.article"));
        article.setRequiredIndicatorVisible(true);
        article.setItemLabelGenerator(summary -> summary.label(getLocale()));
        article.setItems(query -> {
            String text = query.getFilter().orElse("");
            return directory.lookUp(text, query.getOffset() + query.getLimit()).stream()
                    .skip(query.getOffset());
        });
        quantity.setId("order-quantity");
        quantity.setLabel(getTranslation("production.orders.field.quantity"));
        quantity.setRequiredIndicatorVisible(true);
        due.setId("order-due");
        due.setLabel(getTranslation("production.orders.field.due"));
        due.setRequiredIndicatorVisible(true);
        due.setValue(LocalDate.now(clock).plusDays(7));
        warehouse.setId("order-warehouse");
        warehouse.setLabel(getTranslation("production.orders.field.warehouse"));
        warehouse.setRequiredIndicatorVisible(true);
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        List<WarehouseSummary> warehouses = directory.activeWarehouses();
        warehouse.setItems(warehouses);
        if (warehouses.size() == 1) {
            warehouse.setValue(warehouses.getFirst());
        }
        centre.setId("order-centre");
        centre.setLabel(getTranslation("production.orders.field.work-centre"));
        centre.setHelperText(getTranslation("production.orders.field.work-centre-help"));
        centre.setItemLabelGenerator(WorkCentre::label);
        centre.setItems(centres);
        centre.setClearButtonVisible(true);
        FormLayout form = new FormLayout(article, quantity, due, warehouse, centre);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(article, 2);
        add(form);

        create.setId("order-create");
        create.setText(getTranslation("production.orders.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            clearErrors();
            try {
                UUID id = orders.create(new OrderForm(
                        article.getValue() == null ? null : article.getValue().id(),
                        quantity.getValue(),
                        due.getValue(),
                        warehouse.getValue() == null
                                ? null
                                : warehouse.getValue().id(),
                        centre.getValue() == null ? null : centre.getValue().id(),
                        null));
                close();
                created.accept(id);
            } catch (ProductionRuleException e) {
                showError(e);
            }
        });
        Button cancel = new Button(getTranslation("production.orders.dialog-cancel"), click -> close());
        getFooter().add(cancel, create);
    }

    private void clearErrors() {
        for (HasValidation field : List.<HasValidation>of(article, quantity, due, warehouse, centre)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    private void showError(ProductionRuleException e) {
        String message = ProductionOrderTexts.refusal(this, e);
        HasValidation field = switch (e.field() == null ? "" : e.field()) {
            case "articleId" -> article;
            case "quantity" -> quantity;
            case "dueDate" -> due;
            case "warehouseId" -> warehouse;
            case "workCentreId" -> centre;
            default -> null;
        };
        if (field == null) {
            com.nexo.base.ui.Notices.error(message);
        } else {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }
    }
}
