package com.nexo.articles.ui;

import com.nexo.articles.ArticlePermissions;
import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.articles.counts.StartCountForm;
import com.nexo.articles.counts.StockCountService;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.base.ui.Notices;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starts a stock count: the warehouse, and optionally one category whose subtree is counted. The
 * category picker pages through the categories as the user types, so a large tree costs one page.
 */
class StartCountDialog extends Dialog {

    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    final ComboBox<CategoryNode> category = new ComboBox<>();
    final Button start = new Button();
    private final transient StockCountService counts;
    private final transient Consumer<UUID> onStarted;
    private final BeanValidationBinder<StartCountForm> binder = new BeanValidationBinder<>(StartCountForm.class);

    StartCountDialog(
            StockCountService counts,
            CategoryService categories,
            List<WarehouseRow> warehouses,
            WarehouseRow preselected,
            Consumer<UUID> onStarted) {
        this.counts = counts;
        this.onStarted = onStarted;
        addClassName("start-count-dialog");
        setHeaderTitle(getTranslation("stock.count.start.title"));

        warehouse.setLabel(getTranslation("stock.count.start.warehouse"));
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(StockFields::warehouse);

        category.setLabel(getTranslation("stock.count.start.category"));
        category.setHelperText(getTranslation("stock.count.start.category-help"));
        category.setClearButtonVisible(true);
        category.setItemLabelGenerator(node -> node.code() + " · " + name(node));
        category.setItems(
                query -> categories.lookup(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        // Picking a category needs to see the catalogue's categories; without it, whole warehouses.
        category.setVisible(CurrentUser.can(ArticlePermissions.READ) || CurrentUser.can(ArticlePermissions.STOCK_READ));

        binder.forField(warehouse)
                .withConverter(
                        StockFields::idOf,
                        id -> StockFields.find(warehouses, id).orElse(null))
                .bind("warehouseId");
        // The chosen category is kept as the picker gives it; the form takes its id.
        binder.forField(category)
                .withConverter(node -> node == null ? null : node.id(), id -> category.getValue())
                .bind("categoryId");
        // The first (by code) is usually the main one; the user sees it and may change it.
        WarehouseRow first = preselected != null ? preselected : warehouses.isEmpty() ? null : warehouses.getFirst();
        binder.readRecord(new StartCountForm(StockFields.idOf(first), null));

        FormLayout form = new FormLayout(warehouse, category);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        start.setText(getTranslation("stock.count.start.confirm"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(click -> start());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        getFooter().add(cancel, start);
    }

    private String name(CategoryNode node) {
        return "en".equals(getLocale().getLanguage()) ? node.nameEn() : node.nameEs();
    }

    void start() {
        StartCountForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return;
        }
        UUID countId;
        try {
            countId = counts.startCount(form);
        } catch (ArticleRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        onStarted.accept(countId);
    }
}
