package com.nexo.purchasing.ui;

import com.nexo.accounts.AccountDirectory;
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
        Grid<SupplierArticle> grid = new Grid<>();
        grid.addClassNames("supplier-articles-grid", "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(SupplierArticle::articleCode)
                .setHeader(content.getTranslation("purchasing.prices.column.article-code"))
                .setAutoWidth(true);
        String language = com.vaadin.flow.component.UI.getCurrent().getLocale().getLanguage();
        grid.addColumn(entry -> entry.articleName(language))
                .setHeader(content.getTranslation("purchasing.prices.column.article"))
                .setFlexGrow(1);
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
                .setAutoWidth(true);
        grid.setHeight("18rem");
        grid.setEmptyStateText(content.getTranslation("purchasing.prices.section.articles-empty"));
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setItems(query -> prices.articlesOf(supplierId, query.getOffset(), query.getLimit()).stream());
        Runnable refresh = () -> grid.getDataProvider().refreshAll();
        grid.addItemClickListener(click -> SupplierArticleDialog.edit(click.getItem(), refresh));
        content.add(grid);
        if (CurrentUser.can(PurchasingPermissions.SETTINGS)) {
            Button add = new Button(
                    content.getTranslation("purchasing.prices.action.add-article"),
                    click -> SupplierArticleDialog.forSupplier(supplierId, refresh));
            add.addClassName("supplier-articles-add");
            Div buttons = new Div(add);
            buttons.addClassName("detail-actions");
            content.add(buttons);
        }
        return content;
    }
}
