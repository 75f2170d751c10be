package com.nexo.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question a page asks before it deletes something its user may delete: a header naming what
 * goes, a sentence on what follows, a red confirm button and a cancel button. The page's action runs
 * only on confirm.
 */
public final class DeleteConfirmation {

    private DeleteConfirmation() {}

    /**
     * A small red button, for a row of a list, that asks the question when clicked; {@code text} is
     * both the button's and the confirm button's label.
     */
    public static Button button(String text, String header, String question, Runnable onConfirm) {
        Button delete = new Button(text, click -> open(header, question, text, onConfirm));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
    }

    /** Opens the question; {@code onConfirm} runs when the user confirms. */
    public static ConfirmDialog open(String header, String text, String confirmText, Runnable onConfirm) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(confirm.getTranslation("action.cancel"));
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> onConfirm.run());
        confirm.open();
        return confirm;
    }
}
