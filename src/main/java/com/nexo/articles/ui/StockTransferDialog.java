package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.stock.StockArticle;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.TransferForm;
import com.nexo.articles.units.UnitRow;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;

/**
 * Moves a quantity of one article from one warehouse to another. The service writes both movements
 * in one transaction: when the source has not enough stock, neither is written.
 */
class StockTransferDialog extends Dialog {

    private final transient StockService stock;
    private final StockArticle article;
    private final transient Runnable onMoved;
    private final BeanValidationBinder<TransferForm> binder = new BeanValidationBinder<>(TransferForm.class);

    final ComboBox<WarehouseRow> from = new ComboBox<>();
    final ComboBox<WarehouseRow> to = new ComboBox<>();
    final BigDecimalField quantity = new BigDecimalField();
    final ComboBox<UnitRow> unit = new ComboBox<>();
    final TextField reason = new TextField();
    final TextField document = new TextField();
    final Button save = new Button();

    StockTransferDialog(
            StockService stock,
            StockArticle article,
            List<WarehouseRow> warehouses,
            WarehouseRow preselected,
            List<UnitRow> units,
            Runnable onMoved) {
        this.stock = stock;
        this.article = article;
        this.onMoved = onMoved;
        addClassName("stock-dialog");
        setHeaderTitle(getTranslation("stock.transfer.title", article.code()));
        setWidth("36rem");
        setMaxWidth("100%");

        from.setLabel(getTranslation("stock.transfer.from"));
        to.setLabel(getTranslation("stock.transfer.to"));
        for (ComboBox<WarehouseRow> field : List.of(from, to)) {
            field.setItems(warehouses);
            field.setItemLabelGenerator(StockFields::warehouse);
        }
        quantity.setLabel(getTranslation("stock.quantity"));
        unit.setLabel(getTranslation("stock.unit"));
        unit.setItemLabelGenerator(value -> StockFields.unit(getLocale(), value));
        StockFields.offerUnits(unit, article, units);
        reason.setLabel(getTranslation("stock.reason"));
        reason.setMaxLength(200);
        document.setLabel(getTranslation("stock.document"));
        document.setMaxLength(80);

        binder.forField(from)
                .withConverter(
                        StockFields::idOf,
                        id -> StockFields.find(warehouses, id).orElse(null))
                .bind("fromWarehouseId");
        binder.forField(to)
                .withConverter(
                        StockFields::idOf,
                        id -> StockFields.find(warehouses, id).orElse(null))
                .withValidator(
                        value -> value == null || !value.equals(StockFields.idOf(from.getValue())),
                        getTranslation("stock.error.transfer-same-warehouse"))
                .bind("toWarehouseId");
        binder.forField(quantity).bind("quantity");
        binder.forField(unit)
                .withConverter(StockFields::idOf, id -> unit.getValue())
                .bind("unitId");
        binder.forField(reason).bind("reason");
        binder.forField(document).bind("document");
        binder.readRecord(TransferForm.from(StockFields.idOf(preselected), StockFields.idOf(unit.getValue())));

        FormLayout form = new FormLayout(from, to, quantity, unit, reason, document);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("28rem", 2));
        add(form);

        save.setText(getTranslation("stock.transfer.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(event -> save());
        Button cancel = new Button(getTranslation("action.cancel"), event -> close());
        getFooter().add(cancel, save);
    }

    void save() {
        TransferForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        try {
            stock.transfer(article.id(), form);
        } catch (ArticleRuleException e) {
            StockFields.show(this, e);
            return;
        }
        close();
        Notices.success(getTranslation(
                "stock.transfer.done",
                StockFields.quantity(
                        form.quantity(),
                        unit.getValue() == null
                                ? article.unitDecimals()
                                : unit.getValue().decimals()),
                unit.getValue() == null ? article.unitCode() : unit.getValue().code(),
                from.getValue().code(),
                to.getValue().code()));
        onMoved.run();
    }
}
