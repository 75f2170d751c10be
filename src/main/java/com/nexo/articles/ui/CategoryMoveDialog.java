package com.nexo.articles.ui;

import com.nexo.articles.ArticleRuleException;
import com.nexo.articles.categories.CategoryNode;
import com.nexo.articles.categories.CategoryService;
import com.nexo.base.ui.Notices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Moves a category, with everything below it, under another category (picked lazily by code or
 * name) or to the top level. The service refuses a move into the category's own branch; the
 * refusal is shown on the picker and nothing changes.
 */
class CategoryMoveDialog extends Dialog {

    private final CategoryService categories;
    private final CategoryNode moved;
    private final Consumer<UUID> onMoved;

    final ComboBox<CategoryNode> parent = new ComboBox<>();
    final Checkbox toTop = new Checkbox();
    final Button move = new Button();

    CategoryMoveDialog(CategoryService categories, CategoryNode moved, Consumer<UUID> onMoved) {
        this.categories = categories;
        this.moved = moved;
        this.onMoved = onMoved;
        addClassName("category-move");
        setHeaderTitle(getTranslation("articles.categories.move.title", moved.code()));

        Paragraph intro = new Paragraph(getTranslation("articles.categories.move.intro"));
        intro.addClassName("category-move-intro");
        CategoryPicker.lazy(parent, categories);
        parent.setLabel(getTranslation("articles.categories.move.parent"));
        parent.setWidthFull();
        toTop.setLabel(getTranslation("articles.categories.move.to-top"));
        toTop.addValueChangeListener(change -> {
            parent.setEnabled(!change.getValue());
            parent.setInvalid(false);
            if (change.getValue()) {
                parent.clear();
            }
        });
        FormLayout form = new FormLayout(intro, parent, toTop);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        move.setText(getTranslation("articles.categories.move.confirm"));
        move.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        move.addClickListener(click -> move());
        Button cancel = new Button(getTranslation("articles.form.cancel"), click -> close());
        getFooter().add(cancel, move);
        setWidth("min(32rem, 100vw)");
    }

    void move() {
        CategoryNode target = parent.getValue();
        if (target == null && !toTop.getValue()) {
            parent.setInvalid(true);
            parent.setErrorMessage(getTranslation("articles.categories.move.pick-parent"));
            return;
        }
        try {
            categories.move(moved.id(), toTop.getValue() ? null : target.id());
        } catch (ArticleRuleException e) {
            String message = getTranslation(e.messageKey(), e.arguments());
            if (e.messageKey().equals("articles.error.category-cycle")) {
                parent.setInvalid(true);
                parent.setErrorMessage(message);
            } else {
                Notices.error(message);
            }
            return;
        }
        Notices.success(getTranslation("articles.categories.moved", moved.code()));
        close();
        onMoved.accept(moved.id());
    }
}
