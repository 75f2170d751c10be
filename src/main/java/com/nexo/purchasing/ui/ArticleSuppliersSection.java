package com.nexo.purchasing.ui;

import com.nexo.base.ui.RecordSection;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.prices.SupplierArticle;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import java.util.UUID;

/**
 * The article page's "Suppliers": who sells the article, under which code, the last price it was
 * bought at and when, lead time and quantity breaks; a row opens the entry, and those who keep
 * purchasing settings add suppliers. One service call (an article has few suppliers).
 */
@org.springframework.stereotype.Component
class ArticleSuppliersSection implements RecordSection {

    private final SupplierPriceService prices;

    ArticleSuppliersSection(SupplierPriceService prices) {
        this.prices = prices;
    }

    @Override
    public String recordType() {
        return ARTICLE;
    }

    @Override
    public String permission() {
        return PurchasingPermissions.READ;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String titleKey() {
        return "purchasing.prices.section.suppliers";
    }

    @Override
    public Component content(UUID articleId) {
        Div content = new Div();
        content.addClassName("article-suppliers");
        Grid<SupplierArticle> grid = new Grid<>();
        grid.addClassNames("article-suppliers-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(SupplierArticle::supplierName)
                .setHeader(content.getTranslation("purchasing.prices.column.supplier"))
                .setAutoWidth(true);
        grid.addColumn(SupplierArticle::supplierCode)
                .setHeader(content.getTranslation("purchasing.prices.column.supplier-code"))
                .setAutoWidth(true);
        grid.addColumn(entry -> SupplierArticleTexts.lastPrice(content, entry))
                .setHeader(content.getTranslation("purchasing.prices.column.last-price"))
                .setAutoWidth(true);
        grid.addColumn(entry -> SupplierArticleTexts.leadTime(content, entry))
                .setHeader(content.getTranslation("purchasing.prices.column.lead-time"))
                .setAutoWidth(true);
        grid.addColumn(entry -> SupplierArticleTexts.breaks(content, entry))
                .setHeader(content.getTranslation("purchasing.prices.column.breaks"))
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(content.getTranslation("purchasing.prices.section.suppliers-empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        Runnable refresh = () -> grid.setItems(prices.suppliersOf(articleId));
        grid.addItemClickListener(click -> SupplierArticleDialog.edit(click.getItem(), refresh));
        refresh.run();
        content.add(grid);
        if (CurrentUser.can(PurchasingPermissions.SETTINGS)) {
            Button add = new Button(
                    content.getTranslation("purchasing.prices.action.add-supplier"),
                    click -> SupplierArticleDialog.forArticle(articleId, refresh));
            add.addClassName("article-suppliers-add");
            Div buttons = new Div(add);
            buttons.addClassName("detail-actions");
            content.add(buttons);
        }
        return content;
    }
}
