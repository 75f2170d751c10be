package com.nexo.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * Names a list's current filter to keep it among the user's saved filters ({@link SavedFilterPicker}).
 * Its texts are the list's: {@code <keyPrefix>.save-title}, {@code .name} and {@code .name-required}.
 */
public class SaveFilterDialog extends Dialog {

    public SaveFilterDialog(String keyPrefix, Consumer<String> onSave) {
        setHeaderTitle(getTranslation(keyPrefix + ".save-title"));
        TextField name = new TextField(getTranslation(keyPrefix + ".name"));
        name.setWidthFull();
        name.setMaxLength(80);
        name.addClassName("filter-name");
        name.focus();
        add(name);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation(keyPrefix + ".name-required"));
                name.setInvalid(true);
                return;
            }
            close();
            onSave.accept(name.getValue().strip());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-filter-confirm");
        getFooter().add(cancel, save);
    }
}
