package com.nexo.articles.ui;

import com.nexo.articles.catalogue.ArticleForm;
import com.nexo.articles.pages.ArticlePage;
import com.nexo.base.ui.Format;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** The data of an article's page: its fields in both languages, prices as money, the supplier linked. */
final class ArticleDataSection extends Div {

    ArticleDataSection() {
        addClassName("detail-data");
    }

    void show(ArticlePage page) {
        ArticleForm form = page.form();
        removeAll();
        item(
                getTranslation("articles.field.category"),
                page.category() == null ? null : CategoryPicker.label(page.category(), getLocale()));
        item(
                getTranslation("articles.field.unit"),
                page.unit() == null ? null : page.unit().label(getLocale()));
        item(getTranslation("articles.field.barcode"), form.barcode());
        item(getTranslation("articles.field.sale-price"), Format.price(form.salePrice(), null));
        item(getTranslation("articles.field.cost"), Format.price(form.cost(), null));
        item(getTranslation("articles.field.tax-rate"), Format.percent(form.taxRate()));
        if (page.supplierName() != null && !page.supplierName().isBlank()) {
            // By address: the accounts module keeps its views to itself.
            Anchor link = new Anchor("accounts/" + form.defaultSupplierId(), page.supplierName());
            link.getElement().setAttribute("router-link", true);
            link.addClassName("article-supplier");
            item(getTranslation("articles.field.default-supplier"), link);
        }
        item(getTranslation("articles.field.stock-tracked"), ArticleHistory.yesNo(this, form.stockTracked()));
        item(getTranslation("articles.field.name-es"), form.nameEs());
        item(getTranslation("articles.field.name-en"), form.nameEn());
        item(getTranslation("articles.field.description-es"), form.descriptionEs());
        item(getTranslation("articles.field.description-en"), form.descriptionEn());
    }

    private void item(String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        item(label, new Span(value));
    }

    private void item(String label, Component value) {
        Span term = new Span(label);
        term.addClassName("detail-term");
        value.addClassName("detail-value");
        Div item = new Div(term, value);
        item.addClassName("detail-item");
        add(item);
    }
}
