package com.nexo.articles.ui;

import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Locale;

/**
 * A category field that pages through the categories as the user types (code or name, accents
 * ignored), so a tenant with thousands of categories never sends them all to the browser.
 */
final class CategoryPicker {

    private CategoryPicker() {}

    /** Makes {@code field} a lazy category picker whose items read "code · name". */
    static ComboBox<CategoryNode> lazy(ComboBox<CategoryNode> field, CategoryService categories) {
        field.setItems(
                query -> categories.lookup(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        field.setItemLabelGenerator(node ->
                label(node, UI.getCurrent() == null ? null : UI.getCurrent().getLocale()));
        field.setClearButtonVisible(true);
        // "code · name" lines are longer than a filter field is wide.
        field.setOverlayWidth("min(22rem, 95vw)");
        return field;
    }

    static String label(CategoryNode node, Locale locale) {
        String name = locale != null && "en".equals(locale.getLanguage()) ? node.nameEn() : node.nameEs();
        return node.code() + " · " + name;
    }
}
