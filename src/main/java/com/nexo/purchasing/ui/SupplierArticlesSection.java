package com.nexo.purchasing.ui;

import com.nexo.accounts.AccountDirectory;
import com.nexo.base.ui.RecordSection;
import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.prices.SupplierArticle;
import com.nexo.purchasing.prices.SupplierPriceService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import java.util.UUID;

/**
 * A supplier's account page's "Articles it sells": each article with the supplier's code, last
 * price and date, lead time and breaks, read page by page as the user scrolls; a row opens the
 * entry, and those who keep purchasing settings add articles. Shown on suppliers' accounts only.
 */
@org.springframework.stereotype.Component
class SupplierArticlesSection implements RecordSection {

    private final SupplierPriceService prices;
    private final AccountDirectory accounts;

    SupplierArticlesSection(SupplierPriceService prices, AccountDirectory accounts) {
        this.prices = prices;
        this.accounts = accounts;
    }

    @Override
    public String recordType() {
        return ACCOUNT;
    }

    @Override
    public String permission() {
        return PurchasingPermissions.READ;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String titleKey() {
        return "purchasing.prices.section.articles";
    }

    @Override
    public boolean appliesTo(UUID accountId) {
        return accounts.isSupplier(accountId);
    }

    @Override
    public Component content(UUID supplierId) {
        Div content = new Div();
        content.addClassName("supplier-articles");
        Grid<SupplierArticle> grid = SupplierArticleGrid.create("supplier-articles-grid");
        grid.addColumn(SupplierArticle::articleCode)
                .setHeader(content.getTranslation("purchasing.prices.column.article-code"))
                .setAutoWidth(true);
        String language = com.vaadin.flow.component.UI.getCurrent().getLocale().getLanguage();
        grid.addColumn(entry -> entry.articleName(language))
                .setHeader(content.getTranslation("purchasing.prices.column.article"))
                .setFlexGrow(1);
        SupplierArticleGrid.addTerms(grid, content).setAutoWidth(true);
        grid.setHeight("18rem");
        grid.setEmptyStateText(content.getTranslation("purchasing.prices.section.articles-empty"));
        grid.setItems(query -> prices.articlesOf(supplierId, query.getOffset(), query.getLimit()).stream());
        Runnable refresh = () -> grid.getDataProvider().refreshAll();
        grid.addItemClickListener(click -> SupplierArticleDialog.edit(click.getItem(), refresh));
        SupplierArticleGrid.addWithButton(
                content,
                grid,
                content.getTranslation("purchasing.prices.action.add-article"),
                "supplier-articles-add",
                () -> SupplierArticleDialog.forSupplier(supplierId, refresh));
        return content;
    }
}
