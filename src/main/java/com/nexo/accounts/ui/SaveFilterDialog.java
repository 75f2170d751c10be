package com.nexo.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Names the list's current filter to keep it among the user's saved filters. */
class SaveFilterDialog extends Dialog {

    SaveFilterDialog(Consumer<String> onSave) {
        setHeaderTitle(getTranslation("accounts.saved-filters.save-title"));
        TextField name = new TextField(getTranslation("accounts.saved-filters.name"));
        name.setWidthFull();
        name.setMaxLength(80);
        name.focus();
        add(name);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("accounts.saved-filters.name-required"));
                name.setInvalid(true);
                return;
            }
            close();
            onSave.accept(name.getValue().strip());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, save);
    }
}
