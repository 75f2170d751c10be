package com.nexo.purchasing.ui;

import com.nexo.purchasing.PurchasingPermissions;
import com.nexo.purchasing.prices.SupplierArticle;
import com.nexo.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;

/**
 * What the article page's "Suppliers" and the supplier's "Articles it sells" share: the same entries
 * seen from either side, so the same grid, the same supplier's terms columns and the same "add"
 * button for those who keep purchasing settings.
 */
final class SupplierArticleGrid {

    private SupplierArticleGrid() {}

    /** An empty grid of entries, its rows opening the entry; the section adds its own first columns. */
    static Grid<SupplierArticle> create(String className) {
        Grid<SupplierArticle> grid = new Grid<>();
        grid.addClassNames(className, "clickable-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        return grid;
    }

    /** The supplier's terms: its code, last price and date, lead time; returns the breaks column (last). */
    static Grid.Column<SupplierArticle> addTerms(Grid<SupplierArticle> grid, Div content) {
        grid.addColumn(SupplierArticle::supplierCode)
                .setHeader(content.getTranslation("purchasing.prices.column.supplier-code"))
                .setAutoWidth(true);
        grid.addColumn(entry -> SupplierArticleTexts.lastPrice(content, entry))
                .setHeader(content.getTranslation("purchasing.prices.column.last-price"))
                .setAutoWidth(true);
        grid.addColumn(entry -> SupplierArticleTexts.leadTime(content, entry))
                .setHeader(content.getTranslation("purchasing.prices.column.lead-time"))
                .setAutoWidth(true);
        return grid.addColumn(entry -> SupplierArticleTexts.breaks(content, entry))
                .setHeader(content.getTranslation("purchasing.prices.column.breaks"));
    }

    /** Adds the grid and, for those who keep purchasing settings, the button that adds an entry. */
    static void addWithButton(Div content, Grid<SupplierArticle> grid, String text, String className, Runnable add) {
        content.add(grid);
        if (CurrentUser.can(PurchasingPermissions.SETTINGS)) {
            Button button = new Button(text, click -> add.run());
            button.addClassName(className);
            Div buttons = new Div(button);
            buttons.addClassName("detail-actions");
            content.add(buttons);
        }
    }
}
