package com.nexo.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A list's saved filters, the user's own: a combo box to pick one, a button that deletes the one
 * picked and one that saves the list's current filter under a name ({@link SaveFilterDialog}). The
 * list's module keeps the filters (through base.filters' store) and says what picking one does; the
 * list forgets the filter picked ({@link #forget()}) when the user changes a field.
 *
 * <p>Texts are the list's, under {@code keyPrefix} (e.g. {@code sales.list.saved-filters}): the
 * prefix itself (label), {@code .pick}, {@code .delete}, {@code .save}, {@code .saved},
 * {@code .deleted}, and the dialog's keys.
 *
 * @param <T> a saved filter
 */
public final class SavedFilterPicker<T> {

    /** Where the list keeps its saved filters (the current user's, of this list). */
    public interface Store<T> {
        List<T> saved();

        /** Saves the list's current filter under {@code name}; null when refused (the store told the user why). */
        T save(String name);

        void delete(T filter);
    }

    private final Component context;
    private final String keyPrefix;
    private final Function<T, String> name;
    private final Function<T, Object> id;
    private final Store<T> store;
    private final Consumer<T> onPick;
    private final ComboBox<T> choice = new ComboBox<>();
    private final Button delete = new Button(VaadinIcon.TRASH.create());
    private final Button save;
    private boolean quiet;

    public SavedFilterPicker(
            Component context,
            String keyPrefix,
            Function<T, String> name,
            Function<T, Object> id,
            Store<T> store,
            Consumer<T> onPick) {
        this.context = context;
        this.keyPrefix = keyPrefix;
        this.name = name;
        this.id = id;
        this.store = store;
        this.onPick = onPick;
        choice.setLabel(context.getTranslation(keyPrefix));
        choice.setPlaceholder(context.getTranslation(keyPrefix + ".pick"));
        choice.setItemLabelGenerator(name::apply);
        choice.setClearButtonVisible(true);
        choice.addClassName("saved-filters");
        choice.setItems(store.saved());
        choice.addValueChangeListener(change -> {
            delete.setEnabled(change.getValue() != null);
            if (change.getValue() != null && !quiet) {
                onPick.accept(change.getValue());
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        delete.setAriaLabel(context.getTranslation(keyPrefix + ".delete"));
        delete.setTooltipText(context.getTranslation(keyPrefix + ".delete"));
        delete.addClassName("delete-filter");
        delete.setEnabled(false);
        delete.addClickListener(click -> deletePicked());
        save = new Button(context.getTranslation(keyPrefix + ".save"), VaadinIcon.BOOKMARK.create());
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.addClassName("save-filter");
        save.addClickListener(click -> new SaveFilterDialog(keyPrefix, this::save).open());
    }

    /** Every translation key the picker and its dialog read under {@code keyPrefix}. */
    public static List<String> keys(String keyPrefix) {
        return java.util.stream.Stream.of(
                        "", ".pick", ".delete", ".save", ".saved", ".deleted", ".save-title", ".name", ".name-required")
                .map(suffix -> keyPrefix + suffix)
                .toList();
    }

    /** The combo box, the delete button and the save button, to add among the list's filter fields. */
    public Component[] components() {
        return new Component[] {choice, delete, save};
    }

    /** The list no longer shows the filter picked (a field changed). */
    public void forget() {
        choice.clear();
    }

    private void save(String filterName) {
        T saved = store.save(filterName);
        if (saved == null) {
            return;
        }
        choice.setItems(store.saved());
        quiet = true; // showing the saved filter's name must not apply it again
        try {
            choice.setValue(choice.getListDataView()
                    .getItems()
                    .filter(filter -> Objects.equals(id.apply(filter), id.apply(saved)))
                    .findFirst()
                    .orElse(null));
        } finally {
            quiet = false;
        }
        Notices.success(context.getTranslation(keyPrefix + ".saved", name.apply(saved)));
    }

    private void deletePicked() {
        T chosen = choice.getValue();
        if (chosen == null) {
            return;
        }
        store.delete(chosen);
        choice.setItems(store.saved());
        Notices.success(context.getTranslation(keyPrefix + ".deleted", name.apply(chosen)));
    }
}
