package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates a category (at the top level or under a parent) or renames one in both languages. The
 * service checks the code and the names; its refusals are shown on the field they concern.
 */
class CategoryFormDialog extends Dialog {

    private final CategoryService categories;
    private final CategoryNode parent;
    private final CategoryNode renamed;
    private final Consumer<UUID> onSaved;

    final TextField code = new TextField();
    final TextField nameEs = new TextField();
    final TextField nameEn = new TextField();
    final Button save = new Button();

    private CategoryFormDialog(
            CategoryService categories, CategoryNode parent, CategoryNode renamed, Consumer<UUID> onSaved) {
        this.categories = categories;
        this.parent = parent;
        this.renamed = renamed;
        this.onSaved = onSaved;
        addClassName("category-form");
        if (renamed != null) {
            setHeaderTitle(getTranslation("articles.categories.form.rename", renamed.code()));
        } else if (parent != null) {
            setHeaderTitle(getTranslation("articles.categories.form.new-child", parent.code()));
        } else {
            setHeaderTitle(getTranslation("articles.categories.form.new-root"));
        }

        code.setLabel(getTranslation("articles.field.code"));
        code.setHelperText(getTranslation("articles.categories.form.code-help"));
        code.setRequired(true);
        code.setMaxLength(32);
        nameEs.setLabel(getTranslation("articles.field.name-es"));
        nameEs.setRequired(true);
        nameEs.setMaxLength(200);
        nameEn.setLabel(getTranslation("articles.field.name-en"));
        nameEn.setRequired(true);
        nameEn.setMaxLength(200);
        if (renamed != null) {
            code.setValue(renamed.code());
            code.setReadOnly(true);
            nameEs.setValue(renamed.nameEs());
            nameEn.setValue(renamed.nameEn());
        }

        FormLayout form = new FormLayout(code, nameEs, nameEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        save.setText(getTranslation("articles.form.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button cancel = new Button(getTranslation("articles.form.cancel"), click -> close());
        getFooter().add(cancel, save);
        setWidth("min(28rem, 100vw)");
    }

    /** A new category under {@code parent}, or at the top level when it is null. */
    static CategoryFormDialog forNew(CategoryService categories, CategoryNode parent, Consumer<UUID> onSaved) {
        return new CategoryFormDialog(categories, parent, null, onSaved);
    }

    static CategoryFormDialog forRename(CategoryService categories, CategoryNode category, Consumer<UUID> onSaved) {
        return new CategoryFormDialog(categories, null, category, onSaved);
    }

    void save() {
        List.of(code, nameEs, nameEn).forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
        UUID saved;
        try {
            if (renamed != null) {
                categories.renameCategory(renamed.id(), nameEs.getValue(), nameEn.getValue());
                saved = renamed.id();
            } else {
                saved = categories.createCategory(
                        parent == null ? null : parent.id(), code.getValue(), nameEs.getValue(), nameEn.getValue());
            }
        } catch (ArticleRuleException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            switch (e.messageKey()) {
                case "articles.error.category-code-invalid", "articles.error.category-code-taken" -> {
                    code.setInvalid(true);
                    code.setErrorMessage(message);
                }
                case "articles.error.category-name-required" -> {
                    for (TextField name : List.of(nameEs, nameEn)) {
                        boolean missing = name.getValue().isBlank();
                        name.setInvalid(missing);
                        name.setErrorMessage(missing ? message : null);
                    }
                }
                default -> Notices.error(message);
            }
            return;
        }
        Notices.success(
                getTranslation("articles.categories.saved", code.getValue().strip()));
        close();
        onSaved.accept(saved);
    }
}
