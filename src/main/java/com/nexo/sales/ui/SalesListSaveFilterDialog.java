package com.nexo.sales.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Names a sales list's current filter to keep it among the user's saved filters. */
class SalesListSaveFilterDialog extends Dialog {

    SalesListSaveFilterDialog(Consumer<String> onSave) {
        setHeaderTitle(getTranslation("sales.list.saved-filters.save-title"));
        TextField name = new TextField(getTranslation("sales.list.saved-filters.name"));
        name.setWidthFull();
        name.setMaxLength(80);
        name.addClassName("filter-name");
        name.focus();
        add(name);
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        Button save = new Button(getTranslation("action.save"), click -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("sales.list.saved-filters.name-required"));
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
