package com.nexo.cms.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.nexo.cms.ContentLanguage;
import com.nexo.cms.library.CategoryDraft;
import com.nexo.cms.library.CategoryRow;
import com.nexo.cms.library.KnowledgeCategoryService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** A knowledge-base category: its names in Spanish and English, slug, place in the tree and order. */
class CategoryDialog extends Dialog {

    private final transient KnowledgeCategoryService categories;
    private final transient CategoryRow editing;
    private final transient Consumer<UUID> onSaved;

    final TextField nameEs = new TextField();
    final TextField nameEn = new TextField();
    final TextField slug = new TextField();
    final ComboBox<CategoryRow> parent = new ComboBox<>();
    final IntegerField position = new IntegerField();
    final Button save = new Button();

    CategoryDialog(
            KnowledgeCategoryService categories,
            List<CategoryRow> all,
            CategoryRow editing,
            ContentLanguage language,
            Consumer<UUID> onSaved) {
        this.categories = categories;
        this.editing = editing;
        this.onSaved = onSaved;
        addClassName("cms-category-dialog");
        setHeaderTitle(
                editing == null
                        ? getTranslation("cms.knowledge.category.new-title")
                        : getTranslation("cms.knowledge.category.edit-title", editing.name(language)));
        setWidth("32rem");
        setMaxWidth("100%");
        nameEs.setLabel(getTranslation("cms.knowledge.category.name-es"));
        nameEs.setMaxLength(120);
        nameEn.setLabel(getTranslation("cms.knowledge.category.name-en"));
        nameEn.setMaxLength(120);
        slug.setLabel(getTranslation("cms.knowledge.category.slug"));
        slug.setHelperText(getTranslation("cms.knowledge.category.slug-help"));
        slug.setMaxLength(80);
        parent.setLabel(getTranslation("cms.knowledge.category.parent"));
        parent.setItems(all.stream()
                .filter(row -> editing == null || !row.id().equals(editing.id()))
                .toList());
        parent.setItemLabelGenerator(row -> row.name(language));
        parent.setClearButtonVisible(true);
        position.setLabel(getTranslation("cms.knowledge.category.position"));
        position.setMin(0);
        position.setValue(0);
        if (editing != null) {
            nameEs.setValue(editing.nameEs() == null ? "" : editing.nameEs());
            nameEn.setValue(editing.nameEn() == null ? "" : editing.nameEn());
            slug.setValue(editing.slug());
            position.setValue(editing.position());
            all.stream()
                    .filter(row -> row.id().equals(editing.parentId()))
                    .findFirst()
                    .ifPresent(parent::setValue);
        }
        FormLayout form = new FormLayout(nameEs, nameEn, slug, parent, position);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        add(form);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private void save() {
        for (TextField field : List.of(nameEs, nameEn, slug)) {
            field.setInvalid(false);
        }
        CategoryDraft draft = new CategoryDraft(
                parent.getValue() == null ? null : parent.getValue().id(),
                slug.getValue(),
                nameEs.getValue(),
                nameEn.getValue(),
                position.getValue() == null ? 0 : position.getValue());
        UUID saved;
        try {
            if (editing == null) {
                saved = categories.create(draft);
            } else {
                categories.update(editing.id(), editing.version(), draft);
                saved = editing.id();
            }
        } catch (RuleException refusal) {
            String text = LibraryTexts.refusal(this, refusal);
            TextField field = switch (refusal.field() == null ? "" : refusal.field()) {
                case "nameEs" -> nameEs;
                case "nameEn" -> nameEn;
                case "slug" -> slug;
                default -> null;
            };
            if (field == null) {
                Notices.error(text);
            } else {
                field.setInvalid(true);
                field.setErrorMessage(text);
            }
            return;
        }
        Notices.success(getTranslation("cms.knowledge.category.saved"));
        close();
        onSaved.accept(saved);
    }
}
