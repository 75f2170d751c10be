package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.stock.StockService;
import com.nexo.articles.stock.TransferEntry;
import com.nexo.articles.units.UnitOfMeasure;
import com.nexo.articles.warehouses.Warehouse;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;

/**
 * Moves a quantity of one article from one warehouse to another. The service writes both movements
 * in one transaction: when the source has not enough stock, neither is written.
 */
class StockTransferDialog extends Dialog {

    private final transient StockService stock;
    private final ArticleRow article;
    private final Runnable onMoved;

    final ComboBox<Warehouse> from = new ComboBox<>();
    final ComboBox<Warehouse> to = new ComboBox<>();
    final BigDecimalField quantity = new BigDecimalField();
    final ComboBox<UnitOfMeasure> unit = new ComboBox<>();
    final TextField reason = new TextField();
    final TextField document = new TextField();
    final Button save = new Button();

    StockTransferDialog(
            StockService stock,
            ArticleRow article,
            List<Warehouse> warehouses,
            Warehouse preselected,
            List<UnitOfMeasure> units,
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
        for (ComboBox<Warehouse> field : List.of(from, to)) {
            field.setItems(warehouses);
            field.setItemLabelGenerator(StockFields::warehouse);
            field.setRequired(true);
        }
        from.setValue(preselected);
        quantity.setLabel(getTranslation("stock.quantity"));
        quantity.setRequiredIndicatorVisible(true);
        unit.setLabel(getTranslation("stock.unit"));
        unit.setItemLabelGenerator(value -> StockFields.unit(getLocale(), value));
        StockFields.offerUnits(unit, article, units);
        reason.setLabel(getTranslation("stock.reason"));
        document.setLabel(getTranslation("stock.document"));
        document.setMaxLength(80);

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
        boolean valid = required(from) & required(to);
        if (valid && from.getValue().equals(to.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("stock.error.transfer-same-warehouse"));
            valid = false;
        }
        BigDecimal amount = quantity.getValue();
        boolean positive = amount != null && amount.signum() > 0;
        quantity.setInvalid(!positive);
        quantity.setErrorMessage(positive ? null : getTranslation("stock.error.quantity-positive"));
        if (!valid || !positive) {
            return;
        }
        String reference = document.getValue().strip();
        try {
            stock.transfer(new TransferEntry(
                    article.id(),
                    from.getValue().getId(),
                    to.getValue().getId(),
                    amount,
                    StockFields.idOf(unit.getValue()),
                    reason.getValue(),
                    reference.isEmpty() ? null : StockFields.MANUAL_SOURCE,
                    reference.isEmpty() ? null : reference));
        } catch (ArticleRuleException e) {
            StockFields.show(this, e);
            return;
        }
        close();
        Notices.success(getTranslation(
                "stock.transfer.done",
                StockFields.plain(amount),
                unit.getValue() == null ? article.unitCode() : unit.getValue().getCode(),
                from.getValue().getCode(),
                to.getValue().getCode()));
        onMoved.run();
    }

    private boolean required(ComboBox<Warehouse> field) {
        boolean missing = field.getValue() == null;
        field.setInvalid(missing);
        field.setErrorMessage(missing ? getTranslation("stock.validation.required") : null);
        return !missing;
    }
}
