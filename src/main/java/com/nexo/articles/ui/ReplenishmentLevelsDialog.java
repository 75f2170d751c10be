package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.catalogue.ArticleQuery;
import com.nexo.articles.catalogue.ArticleRow;
import com.nexo.articles.catalogue.ArticleService;
import com.nexo.articles.replenishment.ReplenishmentRow;
import com.nexo.articles.replenishment.ReplenishmentService;
import com.nexo.articles.replenishment.StockLevels;
import com.nexo.articles.warehouses.WarehouseRow;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sets or removes the minimum and maximum of an article in a warehouse. Opened from a row of the
 * list (article and warehouse fixed) or empty (both chosen here); the current levels are filled in
 * as soon as both are known.
 */
class ReplenishmentLevelsDialog extends Dialog {

    private final transient ReplenishmentService replenishment;
    private final transient Runnable onChange;
    final ComboBox<ArticleRow> article = new ComboBox<>();
    final TextField fixedArticle = new TextField();
    final ComboBox<WarehouseRow> warehouse = new ComboBox<>();
    final BigDecimalField minimum = new BigDecimalField();
    final BigDecimalField maximum = new BigDecimalField();
    final Button save = new Button();
    final Button remove = new Button();
    private UUID articleId;
    private String articleCode;

    ReplenishmentLevelsDialog(
            ReplenishmentService replenishment,
            ArticleService articles,
            List<WarehouseRow> warehouses,
            ReplenishmentRow row,
            Runnable onChange) {
        this.replenishment = replenishment;
        this.onChange = onChange;
        addClassName("replenishment-levels-dialog");
        setHeaderTitle(getTranslation("replenishment.levels.title"));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        warehouse.setLabel(getTranslation("stock.warehouse"));
        warehouse.setItems(warehouses);
        warehouse.setItemLabelGenerator(StockFields::warehouse);
        if (row == null) {
            warehouse.setRequiredIndicatorVisible(true);
            article.setLabel(getTranslation("stock.article"));
            article.setPlaceholder(getTranslation("articles.list.search"));
            article.setItemLabelGenerator(value -> value.code() + " · " + value.name(getLocale()));
            article.setItems(query -> articles
                    .listArticles(
                            ArticleQuery.matching(query.getFilter().orElse("")), query.getOffset(), query.getLimit())
                    .stream());
            article.setRequiredIndicatorVisible(true);
            article.addValueChangeListener(change -> {
                articleId = change.getValue() == null ? null : change.getValue().id();
                articleCode =
                        change.getValue() == null ? null : change.getValue().code();
                loadLevels();
            });
            warehouse.addValueChangeListener(change -> loadLevels());
            form.add(article, 2);
            form.add(warehouse, 2);
        } else {
            articleId = row.articleId();
            articleCode = row.articleCode();
            fixedArticle.setLabel(getTranslation("stock.article"));
            fixedArticle.setValue(row.articleCode() + " · " + row.articleName(getLocale()));
            fixedArticle.setReadOnly(true);
            warehouses.stream()
                    .filter(value -> value.id().equals(row.warehouseId()))
                    .findFirst()
                    .ifPresent(warehouse::setValue);
            warehouse.setReadOnly(true);
            form.add(fixedArticle, 2);
            form.add(warehouse, 2);
        }
        minimum.setLabel(getTranslation("replenishment.column.minimum"));
        maximum.setLabel(getTranslation("replenishment.column.maximum"));
        form.add(minimum, maximum);
        Paragraph hint = new Paragraph(getTranslation("replenishment.levels.hint"));
        hint.addClassName("dialog-hint");
        add(form, hint);

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        remove.setText(getTranslation("replenishment.levels.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(click -> remove());
        remove.setEnabled(false);
        getFooter().add(remove, cancel, save);
        setWidth("min(34rem, 100vw)");
        loadLevels();
    }

    /** Fills in the levels the article already has in the warehouse (or clears the fields). */
    private void loadLevels() {
        UUID warehouseId = StockFields.idOf(warehouse.getValue());
        Optional<StockLevels> levels = articleId == null || warehouseId == null
                ? Optional.empty()
                : replenishment.levels(articleId, warehouseId);
        minimum.setValue(levels.map(StockLevels::minimum)
                .map(ReplenishmentLevelsDialog::plain)
                .orElse(null));
        maximum.setValue(levels.map(StockLevels::maximum)
                .map(ReplenishmentLevelsDialog::plain)
                .orElse(null));
        minimum.setInvalid(false);
        maximum.setInvalid(false);
        remove.setEnabled(levels.isPresent());
    }

    private void save() {
        if (articleId == null || warehouse.getValue() == null) {
            Notices.error(getTranslation("replenishment.error.choose"));
            return;
        }
        BigDecimal min = minimum.getValue();
        BigDecimal max = maximum.getValue();
        boolean minimumValid = min != null && min.signum() >= 0;
        boolean maximumValid = max != null && (!minimumValid || max.compareTo(min) >= 0);
        invalid(minimum, !minimumValid, getTranslation("replenishment.error.minimum"));
        invalid(maximum, !maximumValid, getTranslation("replenishment.error.maximum"));
        if (!minimumValid || !maximumValid) {
            return;
        }
        WarehouseRow chosen = warehouse.getValue();
        try {
            replenishment.setLevels(articleId, chosen.id(), min, max);
        } catch (ArticleRuleException e) {
            Notices.error(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        close();
        Notices.success(getTranslation("replenishment.levels.saved", articleCode, chosen.code()));
        onChange.run();
    }

    private void remove() {
        WarehouseRow chosen = warehouse.getValue();
        if (articleId == null || chosen == null) {
            return;
        }
        replenishment.removeLevels(articleId, chosen.id());
        close();
        Notices.success(getTranslation("replenishment.levels.removed", articleCode, chosen.code()));
        onChange.run();
    }

    private static void invalid(BigDecimalField field, boolean invalid, String message) {
        field.setErrorMessage(invalid ? message : null);
        field.setInvalid(invalid);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
