package com.nexo.cms.ui;

import com.nexo.base.RuleException;
import com.nexo.base.ui.Notices;
import com.nexo.cms.Audience;
import com.nexo.cms.library.FolderDraft;
import com.nexo.cms.library.FolderRow;
import com.nexo.cms.library.LibraryService;
import com.nexo.security.RoleDirectory;
import com.nexo.security.RoleDirectory.RoleName;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A library folder: its name, where it sits, who reads it (audiences; for employees, optionally only
 * some roles) and who may upload into it. A changed audience reaches every document in it. An empty
 * folder may be deleted here.
 */
class FolderDialog extends Dialog {

    private final transient LibraryService library;
    private final transient FolderRow editing;
    private final transient Consumer<UUID> onSaved;

    final TextField name = new TextField();
    final ComboBox<FolderRow> parent = new ComboBox<>();
    final CheckboxGroup<Audience> audiences = new CheckboxGroup<>();
    final MultiSelectComboBox<RoleName> readerRoles = new MultiSelectComboBox<>();
    final MultiSelectComboBox<RoleName> editorRoles = new MultiSelectComboBox<>();
    final Button save = new Button();
    final Button delete = new Button();

    FolderDialog(
            LibraryService library,
            RoleDirectory directory,
            List<FolderRow> folders,
            FolderRow editing,
            Consumer<UUID> onSaved) {
        this.library = library;
        this.editing = editing;
        this.onSaved = onSaved;
        addClassName("cms-folder-dialog");
        setHeaderTitle(
                editing == null
                        ? getTranslation("cms.library.folder.new-title")
                        : getTranslation("cms.library.folder.edit-title", editing.name()));
        setWidth("36rem");
        setMaxWidth("100%");

        name.setLabel(getTranslation("cms.library.folder.name"));
        name.setMaxLength(120);
        name.setRequiredIndicatorVisible(true);
        parent.setLabel(getTranslation("cms.library.folder.parent"));
        parent.setItems(folders.stream()
                .filter(folder -> editing == null || !folder.id().equals(editing.id()))
                .toList());
        parent.setItemLabelGenerator(FolderRow::name);
        parent.setClearButtonVisible(true);
        audiences.setLabel(getTranslation("cms.library.folder.audiences"));
        audiences.setItems(Audience.values());
        audiences.setItemLabelGenerator(audience -> LibraryTexts.audience(this, audience));
        List<RoleName> roles = directory.roles();
        readerRoles.setLabel(getTranslation("cms.library.folder.reader-roles"));
        readerRoles.setHelperText(getTranslation("cms.library.folder.reader-roles-help"));
        readerRoles.setItems(roles);
        readerRoles.setItemLabelGenerator(RoleName::name);
        editorRoles.setLabel(getTranslation("cms.library.folder.editor-roles"));
        editorRoles.setHelperText(getTranslation("cms.library.folder.editor-roles-help"));
        editorRoles.setItems(roles);
        editorRoles.setItemLabelGenerator(RoleName::name);

        if (editing == null) {
            audiences.setValue(EnumSet.of(Audience.INTERNAL));
        } else {
            name.setValue(editing.name());
            folders.stream()
                    .filter(folder -> folder.id().equals(editing.parentId()))
                    .findFirst()
                    .ifPresent(parent::setValue);
            audiences.setValue(editing.audiences());
            readerRoles.setValue(pick(roles, editing.readerRoles()));
            editorRoles.setValue(pick(roles, editing.editorRoles()));
        }

        FormLayout form = new FormLayout(name, parent, audiences, readerRoles, editorRoles);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        delete.setText(getTranslation("action.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setVisible(editing != null);
        delete.addClickListener(click -> delete());
        getFooter().add(delete, new Button(getTranslation("action.cancel"), click -> close()), save);
    }

    private static Set<RoleName> pick(List<RoleName> roles, Set<UUID> ids) {
        return roles.stream().filter(role -> ids.contains(role.id())).collect(Collectors.toSet());
    }

    private static Set<UUID> ids(Set<RoleName> roles) {
        return roles.stream().map(RoleName::id).collect(Collectors.toSet());
    }

    private void save() {
        name.setInvalid(false);
        audiences.setInvalid(false);
        FolderDraft draft = new FolderDraft(
                parent.getValue() == null ? null : parent.getValue().id(),
                name.getValue(),
                audiences.getValue(),
                ids(readerRoles.getValue()),
                ids(editorRoles.getValue()));
        UUID saved;
        try {
            if (editing == null) {
                saved = library.createFolder(draft);
            } else {
                library.updateFolder(editing.id(), editing.version(), draft);
                saved = editing.id();
            }
        } catch (RuleException refusal) {
            String text = LibraryTexts.refusal(this, refusal);
            switch (refusal.field() == null ? "" : refusal.field()) {
                case "name" -> {
                    name.setInvalid(true);
                    name.setErrorMessage(text);
                }
                case "audiences" -> {
                    audiences.setInvalid(true);
                    audiences.setErrorMessage(text);
                }
                default -> Notices.error(text);
            }
            return;
        }
        Notices.success(getTranslation("cms.library.folder.saved", draft.name().strip()));
        close();
        onSaved.accept(saved);
    }

    private void delete() {
        try {
            library.deleteFolder(editing.id(), editing.version());
        } catch (RuleException refusal) {
            Notices.error(LibraryTexts.refusal(this, refusal));
            return;
        }
        Notices.success(getTranslation("cms.library.folder.deleted", editing.name()));
        close();
        onSaved.accept(null);
    }
}
