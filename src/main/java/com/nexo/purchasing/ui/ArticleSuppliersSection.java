package com.nexo.purchasing.ui;

import com.nexo.base.ui.RecordSection;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.prices.SupplierArticle;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
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
        Grid<SupplierArticle> grid = SupplierArticleGrid.create("article-suppliers-grid");
        grid.addColumn(SupplierArticle::supplierName)
                .setHeader(content.getTranslation("purchasing.prices.column.supplier"))
                .setAutoWidth(true);
        SupplierArticleGrid.addTerms(grid, content).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(content.getTranslation("purchasing.prices.section.suppliers-empty"));
        Runnable refresh = () -> grid.setItems(prices.suppliersOf(articleId));
        grid.addItemClickListener(click -> SupplierArticleDialog.edit(click.getItem(), refresh));
        refresh.run();
        SupplierArticleGrid.addWithButton(
                content,
                grid,
                content.getTranslation("purchasing.prices.action.add-supplier"),
                "article-suppliers-add",
                () -> SupplierArticleDialog.forArticle(articleId, refresh));
        return content;
    }
}
