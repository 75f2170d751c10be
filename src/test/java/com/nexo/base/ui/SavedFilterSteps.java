package com.nexo.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Function;

/**
 * A list view's saved filters as a user works them in a Karibu test of a list with
 * {@link SaveFilterDialog} (the sales and purchasing lists): save the current filter under a name,
 * pick a saved filter by its name, delete the one picked. Spanish texts, as the tests' user reads
 * them.
 */
public final class SavedFilterSteps {

    private SavedFilterSteps() {}

    /** Saves the list's current filter as {@code name} and expects the confirmation. */
    public static void save(String name) {
        _click(_get(Button.class, spec -> spec.withText("Guardar filtro")));
        SaveFilterDialog dialog = _get(SaveFilterDialog.class);
        _get(dialog, TextField.class, spec -> spec.withLabel("Nombre")).setValue(name);
        _click(_get(dialog, Button.class, spec -> spec.withText("Guardar")));
        expectNotifications("Filtro «" + name + "» guardado.");
    }

    /** Picks the saved filter named {@code name} (each item's name by {@code nameOf}). */
    @SuppressWarnings("unchecked")
    public static <T> void choose(String name, Function<T, String> nameOf) {
        ComboBox<T> saved = _get(ComboBox.class, spec -> spec.withLabel("Filtros guardados"));
        saved.setValue(saved.getListDataView()
                .getItems()
                .filter(filter -> nameOf.apply(filter).equals(name))
                .findFirst()
                .orElseThrow());
    }

    /** Deletes the saved filter picked. */
    public static void deleteChosen() {
        _click(_get(Button.class, spec -> spec.withClasses("delete-filter")));
    }
}
