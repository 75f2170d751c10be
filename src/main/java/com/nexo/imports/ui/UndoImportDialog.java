package com.nexo.imports.ui;

import com.nexo.base.ui.Format;
import com.nexo.imports.jobs.UndoPreview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.io.Serializable;

/**
 * What undoing an import will do, asked before it is done: how many records go, are archived or get
 * their values back, and which ones someone changed since, left alone unless the user says otherwise.
 */
class UndoImportDialog extends Dialog {

    /** Lines listed of the records changed later; the rest are counted. */
    static final int LINES_SHOWN = 50;

    /** What the page does once the user confirmed. */
    @FunctionalInterface
    interface Confirmed extends Serializable {
        void undo(boolean includeChangedLater);
    }

    final Checkbox includeChangedLater = new Checkbox();
    final Button confirm = new Button();
    final Paragraph summary = new Paragraph();
    final UnorderedList changedLater = new UnorderedList();

    UndoImportDialog(UndoPreview preview, Confirmed confirmed) {
        addClassName("undo-import-dialog");
        setHeaderTitle(getTranslation("imports.undo.title"));
        summary.setText(getTranslation(
                "imports.undo.summary",
                Format.integer(preview.delete()),
                Format.integer(preview.archive()),
                Format.integer(preview.restore())));
        add(summary);
        if (preview.changedLater().isEmpty()) {
            add(new Paragraph(getTranslation("imports.undo.none-changed-later")));
        } else {
            Paragraph intro = new Paragraph(getTranslation(
                    "imports.undo.changed-later",
                    Format.integer(preview.changedLater().size()),
                    preview.changedLater().size()));
            preview.changedLater().stream()
                    .limit(LINES_SHOWN)
                    .forEach(changed -> changedLater.add(new ListItem(getTranslation(
                            "imports.undo.changed-later-line", Format.integer(changed.line()), changed.entityId()))));
            if (preview.changedLater().size() > LINES_SHOWN) {
                changedLater.add(new ListItem(getTranslation(
                        "imports.undo.more",
                        Format.integer(preview.changedLater().size() - LINES_SHOWN))));
            }
            changedLater.addClassName("undo-changed-later");
            includeChangedLater.setLabel(getTranslation("imports.undo.include-changed-later"));
            add(intro, changedLater, includeChangedLater);
        }

        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        confirm.setText(getTranslation("imports.undo.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            close();
            confirmed.undo(includeChangedLater.getValue());
        });
        getFooter().add(cancel, confirm);
    }
}
