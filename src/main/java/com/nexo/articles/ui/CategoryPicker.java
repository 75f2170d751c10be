package com.nexo.articles.ui;

import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.base.paging.Page;
import com.nexo.base.paging.PageCursor;
import com.nexo.base.ui.KeysetPaging;
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
        // Keyset pages: the picker asks by offset, the service reads on after the last category read.
        KeysetPaging<CategoryNode, PageCursor> paging = new KeysetPaging<>();
        field.setItems(query -> {
            String filter = query.getFilter().orElse("");
            return paging
                    .rows(filter, query.getOffset(), query.getLimit(), (after, limit) -> {
                        Page<CategoryNode> page = categories.lookup(filter, after, limit);
                        return new KeysetPaging.Page<>(page.rows(), page.next());
                    })
                    .stream();
        });
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
