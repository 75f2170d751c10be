package com.nexo.articles.catalogue;

/** The columns of an article export, in order, each with the translation key of its header. */
public enum ArticleCsvColumn {
    CODE("articles.field.code"),
    KIND("articles.field.kind"),
    NAME_ES("articles.field.name-es"),
    NAME_EN("articles.field.name-en"),
    CATEGORY("articles.field.category"),
    UNIT("articles.field.unit"),
    BARCODE("articles.field.barcode"),
    SALE_PRICE("articles.field.sale-price"),
    COST("articles.field.cost"),
    TAX_RATE("articles.field.tax-rate"),
    STOCK_TRACKED("articles.field.stock-tracked"),
    STATUS("articles.field.status");

    private final String headerKey;

    ArticleCsvColumn(String headerKey) {
        this.headerKey = headerKey;
    }

    /** The translation key of the column's header. */
    public String headerKey() {
        return headerKey;
    }
}
